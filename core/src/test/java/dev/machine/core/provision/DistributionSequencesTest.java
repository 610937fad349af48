package dev.machine.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact commands provisioning sends to each RPM-family and SUSE host, from a real os-release. */
class DistributionSequencesTest extends ProvisioningTestBase {
  private static final String DOCKER_CE = "sudo -E dnf install -y docker-ce docker-ce-cli containerd.io";

  private List<String> provisionWithoutDocker(String osRelease) {
    RecordingShell shell = withoutDocker(shellFor(osRelease));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    return shell.transcript();
  }

  @Test
  void rhel9AddsDockersRhelRepositoryWithDnf() {
    assertThat(provisionWithoutDocker("rhel-9"))
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E dnf install -y curl",
                    HostSetup.HAS_DOCKER,
                    "sudo -E dnf install -y dnf-plugins-core",
                    "sudo -E dnf config-manager --add-repo 'https://download.docker.com/linux/rhel/docker-ce.repo'",
                    DOCKER_CE,
                    HostSetup.HAS_DOCKER)));
    assertThat(progress.lines()).contains("Provisioning with redhat...");
  }

  @Test
  void almaLinux9AddsDockersCentosRepository() {
    assertThat(provisionWithoutDocker("almalinux-9"))
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E dnf install -y curl",
                    HostSetup.HAS_DOCKER,
                    "sudo -E dnf install -y dnf-plugins-core",
                    "sudo -E dnf config-manager --add-repo 'https://download.docker.com/linux/centos/docker-ce.repo'",
                    DOCKER_CE,
                    HostSetup.HAS_DOCKER)));
    assertThat(progress.lines()).contains("Provisioning with almalinux...");
  }

  @Test
  void oracleLinux8AddsDockersCentosRepository() {
    assertThat(provisionWithoutDocker("ol-8"))
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E dnf install -y curl",
                    HostSetup.HAS_DOCKER,
                    "sudo -E dnf install -y dnf-plugins-core",
                    "sudo -E dnf config-manager --add-repo 'https://download.docker.com/linux/centos/docker-ce.repo'",
                    DOCKER_CE,
                    HostSetup.HAS_DOCKER)));
    assertThat(progress.lines()).contains("Provisioning with ol...");
  }

  @Test
  void fedora39UsesDnf() {
    RecordingShell shell = shellFor("fedora-39");
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.transcript())
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E dnf install -y curl",
                    HostSetup.HAS_DOCKER)));
    assertThat(progress.lines()).contains("Provisioning with fedora...");
  }

  @Test
  void sles15AddsTheContainersModuleThenInstallsDocker() {
    assertThat(provisionWithoutDocker("sles-15"))
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E zypper -n in curl",
                    HostSetup.HAS_DOCKER,
                    "sudo -E SUSEConnect -p sle-module-containers/'15.5'/$(uname -m)",
                    "sudo -E zypper -n in docker",
                    HostSetup.HAS_DOCKER)));
    assertThat(progress.lines()).contains("Provisioning with SUSE...");
  }
}
