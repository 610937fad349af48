package dev.machine.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.provision.DockerInstall.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisionerDetectorTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ubuntu-22.04, ubuntu(systemd), APT, INSTALL_SCRIPT, false",
    "debian-12, debian, APT, INSTALL_SCRIPT, true",
    "rhel-9, redhat, DNF, DOCKER_REPOSITORY, false",
    "centos-7, centos, YUM, INSTALL_SCRIPT, false",
    "rocky-9, rocky, DNF, DOCKER_REPOSITORY, false",
    "almalinux-9, almalinux, DNF, DOCKER_REPOSITORY, false",
    "ol-8, ol, DNF, DOCKER_REPOSITORY, false",
    "fedora-39, fedora, DNF, INSTALL_SCRIPT, false",
    "amzn-2, amzn, YUM, DISTRIBUTION_PACKAGE, false",
    "amzn-2023, amzn, DNF, DISTRIBUTION_PACKAGE, false",
    "opensuse-leap-15.5, SUSE, ZYPPER, DISTRIBUTION_PACKAGE, false",
    "sles-15, SUSE, ZYPPER, DISTRIBUTION_PACKAGE, false",
    "arch, arch, PACMAN, DISTRIBUTION_PACKAGE, false",
    "manjaro, arch, PACMAN, DISTRIBUTION_PACKAGE, false",
  })
  void choosesTheProvisionerForEachSupportedDistribution(
      String sample, String name, PackageManager pm, Source source, boolean installsSudo) {
    Provisioner p = ProvisionerDetector.detect(OsReleaseSamples.parsed(sample));
    assertThat(p.name()).isEqualTo(name);
    assertThat(p.packages()).isEqualTo(pm);
    assertThat(p.docker().source()).isEqualTo(source);
    assertThat(p.installsSudo()).isEqualTo(installsSudo);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "rhel-9, https://download.docker.com/linux/rhel/docker-ce.repo",
    "rocky-9, https://download.docker.com/linux/centos/docker-ce.repo",
    "almalinux-9, https://download.docker.com/linux/centos/docker-ce.repo",
    "ol-8, https://download.docker.com/linux/centos/docker-ce.repo",
  })
  void redHatAndItsRebuildsGetDockerCeFromDockersRepository(String sample, String repo) {
    Provisioner p = ProvisionerDetector.detect(OsReleaseSamples.parsed(sample));
    assertThat(p.docker().commands())
        .containsExactly(
            "sudo -E dnf install -y dnf-plugins-core",
            "sudo -E dnf config-manager --add-repo '" + repo + "'",
            "sudo -E dnf install -y docker-ce docker-ce-cli containerd.io");
  }

  @org.junit.jupiter.api.Test
  void anEl7RebuildUsesYumAndTheCentosRepository() {
    Provisioner p = ProvisionerDetector.detect(OsRelease.parse("ID=\"ol\"\nVERSION_ID=\"7.9\"\nNAME=\"Oracle Linux Server\""));
    assertThat(p.docker().commands())
        .containsExactly(
            "sudo -E yum install -y yum-utils",
            "sudo -E yum-config-manager --add-repo 'https://download.docker.com/linux/centos/docker-ce.repo'",
            "sudo -E yum install -y docker-ce docker-ce-cli containerd.io");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "boot2docker | Boot2Docker is not supported: it is no longer maintained",
        "rancheros | RancherOS is not supported: it is no longer maintained",
        "coreos | Container Linux by CoreOS 2512.3.0 (Oklo) is not supported: Container Linux is not provisioned over SSH",
        "fedora-coreos-39 | Fedora CoreOS 39.20240322.3.1 is not supported: Container Linux is not provisioned over SSH",
        "ubuntu-14.04 | Ubuntu 14.04.6 LTS (upstart) is not supported: Ubuntu 15.04 or later (systemd) is required",
        "amzn-2018.03 | Amazon Linux AMI 2018.03 is not supported: Amazon Linux 2 or 2023 is required",
      })
  void goneDistributionsGetAClearError(String sample, String message) {
    assertThatThrownBy(() -> ProvisionerDetector.detect(OsReleaseSamples.parsed(sample)))
        .isInstanceOf(MachineException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"alpine-3.19"})
  void unknownDistributionIsNotRecognized(String sample) {
    assertThatThrownBy(() -> ProvisionerDetector.detect(OsReleaseSamples.parsed(sample)))
        .isInstanceOf(MachineException.class)
        .hasMessage("OS type not recognized");
  }

  @org.junit.jupiter.api.Test
  void emptyOsReleaseIsNotRecognized() {
    assertThatThrownBy(() -> ProvisionerDetector.detect(OsRelease.parse("")))
        .hasMessage("OS type not recognized");
  }

  @org.junit.jupiter.api.Test
  void ubuntu1504IsTheFirstSystemdRelease() {
    assertThat(ProvisionerDetector.detect(OsRelease.parse("ID=ubuntu\nVERSION_ID=\"15.04\"")))
        .isEqualTo(ProvisionerDetector.UBUNTU);
    assertThatThrownBy(() -> ProvisionerDetector.detect(OsRelease.parse("ID=ubuntu\nVERSION_ID=\"14.10\"")))
        .hasMessageContaining("is not supported");
  }
}
