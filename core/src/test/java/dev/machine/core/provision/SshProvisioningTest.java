package dev.machine.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import dev.machine.core.ssh.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshProvisioningTest extends ProvisioningTestBase {
  @Test
  void debianRunsDockerMachinesSequenceOverOneConnection() {
    RecordingShell shell = shellFor("debian-12");
    provisioning(shell).provision(host(Engines.defaults()), progress);

    assertThat(shell.transcript())
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    "if ! type sudo; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y sudo; fi",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo apt-get update",
                    "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  curl",
                    HostSetup.HAS_DOCKER)));
    assertThat(opened).hasSize(1);
    assertThat(shell.closed()).isTrue();
    assertThat(progress.lines())
        .containsExactly(
            "Waiting for SSH to be available...",
            "Detecting the provisioner...",
            "Provisioning with debian...",
            "Installing Docker...",
            "Copying certs to the local machine directory...",
            "Copying certs to the remote machine...",
            "Setting Docker configuration on the remote daemon...");
  }

  @Test
  void uploadsCertificatesAndTheDropIn() throws IOException {
    RecordingShell shell = shellFor("ubuntu-22.04");
    provisioning(shell).provision(host(Engines.withLabels("env=dev")), progress);

    assertThat(shell.upload("/etc/docker/ca.pem").text()).isEqualTo("CA CERT");
    assertThat(shell.upload("/etc/docker/server.pem").text()).isEqualTo("SERVER CERT dev");
    assertThat(shell.upload("/etc/docker/server-key.pem").text()).isEqualTo("SERVER KEY dev");
    assertThat(shell.upload("/etc/docker/server-key.pem").mode()).isEqualTo(0600);
    var dropIn = shell.upload("/etc/systemd/system/docker.service.d/10-machine.conf");
    assertThat(dropIn.mode()).isEqualTo(0644);
    assertThat(dropIn.text()).isEqualTo(DockerDropIn.content(Engines.withLabels("env=dev"), 2376, "fake"));
    assertThat(dropIn.text()).contains("--label env=dev --label provider=fake ");
    // SANs: --tls-san values, the driver's IP, localhost.
    assertThat(issuedSans).containsExactly(List.of("dev.example.com", "10.0.0.5", "localhost"));
    // The machine dir gets copies of the CA and client certificate (env/config read them there).
    Path machine = store.resolve("machines/dev");
    assertThat(Files.readString(machine.resolve("ca.pem"))).isEqualTo("CA CERT");
    assertThat(Files.readString(machine.resolve("cert.pem"))).isEqualTo("CLIENT CERT");
    assertThat(Files.readString(machine.resolve("key.pem"))).isEqualTo("CLIENT KEY");
  }

  @Test
  void ubuntuSkipsTheSudoInstall() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.transcript())
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo apt-get update",
                    "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  curl",
                    HostSetup.HAS_DOCKER)));
    assertThat(progress.lines()).contains("Provisioning with ubuntu(systemd)...");
  }

  @Test
  void rockyWithDockerUsesDnfForItsPackages() {
    RecordingShell shell = shellFor("rocky-9");
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
  }

  @Test
  void rockyWithoutDockerInstallsDockerCeFromDockersRepository() {
    RecordingShell shell = withoutDocker(shellFor("rocky-9"));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.transcript())
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
                    "sudo -E dnf install -y docker-ce docker-ce-cli containerd.io",
                    HostSetup.HAS_DOCKER)));
    assertThat(shell.commands()).noneMatch(c -> c.contains("get.docker.com"));
  }

  @Test
  void anExplicitInstallUrlWinsOverDockersRepository() {
    RecordingShell shell = withoutDocker(shellFor("almalinux-9"));
    provisioning(shell).provision(host(Engines.withInstallUrl("https://example.com/install.sh")), progress);
    assertThat(scriptInstall(shell)).endsWith("'https://example.com/install.sh'");
    assertThat(shell.commands()).noneMatch(c -> c.contains("docker-ce"));
  }

  @Test
  void aFailedSlesInstallSaysDockerIsInTheContainersModule() {
    RecordingShell shell = withoutDocker(shellFor("sles-15"));
    shell.answer(c -> c.startsWith("sudo -E SUSEConnect "), c -> new CommandResult(67,
        "Error: Invalid system credentials, probably because the registered system was deleted in SUSE Customer Center.\n"));
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .hasMessage("error installing docker: sudo -E SUSEConnect -p sle-module-containers/'15.5'/$(uname -m): exit status 67: "
            + "Error: Invalid system credentials, probably because the registered system was deleted in SUSE Customer Center.\n"
            + "SLES has Docker in its Containers Module, which needs the host registered with the SUSE Customer "
            + "Center or a local RMT/SMT server (SUSEConnect -r ...)");
  }

  @Test
  void centos7UsesYum() {
    RecordingShell shell = shellFor("centos-7");
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.transcript())
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E yum install -y curl",
                    HostSetup.HAS_DOCKER)));
    assertThat(progress.lines()).contains("Provisioning with centos...");
  }

  @Test
  void amazonLinux2023InstallsDockerFromItsOwnRepository() {
    RecordingShell shell = withoutDocker(shellFor("amzn-2023"));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.transcript())
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E dnf install -y curl",
                    HostSetup.HAS_DOCKER,
                    "sudo -E dnf install -y docker",
                    HostSetup.HAS_DOCKER)));
    assertThat(shell.commands()).noneMatch(c -> c.contains("get.docker.com"));
  }

  @Test
  void amazonLinux2UsesYum() {
    RecordingShell shell = withoutDocker(shellFor("amzn-2"));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.transcript())
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E yum install -y curl",
                    HostSetup.HAS_DOCKER,
                    "sudo -E yum install -y docker",
                    HostSetup.HAS_DOCKER)));
  }

  @Test
  void anExplicitInstallUrlWinsOverTheDistributionPackage() {
    RecordingShell shell = withoutDocker(shellFor("amzn-2023"));
    provisioning(shell).provision(host(Engines.withInstallUrl("https://example.com/install.sh")), progress);
    assertThat(scriptInstall(shell)).endsWith("'https://example.com/install.sh'");
    assertThat(shell.commands()).noneMatch(c -> c.contains("dnf install -y docker"));
  }

  @Test
  void suseUsesZypper() {
    RecordingShell shell = withoutDocker(shellFor("opensuse-leap-15.5"));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.transcript())
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E zypper -n in curl",
                    HostSetup.HAS_DOCKER,
                    "sudo -E zypper -n in docker",
                    HostSetup.HAS_DOCKER)));
    assertThat(progress.lines()).contains("Provisioning with SUSE...");
  }

  @Test
  void archUsesPacman() {
    RecordingShell shell = withoutDocker(shellFor("arch"));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.transcript())
        .containsExactlyElementsOf(
            expected(
                List.of(
                    "cat /etc/os-release",
                    HOSTNAME,
                    HOSTS_FIX,
                    "sudo -E pacman -Sy --noconfirm --noprogressbar curl",
                    HostSetup.HAS_DOCKER,
                    "sudo -E pacman -Sy --noconfirm --noprogressbar docker",
                    HostSetup.HAS_DOCKER)));
  }

  @Test
  void installUrlNoneSkipsTheDockerInstall() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    provisioning(shell).provision(host(Engines.withInstallUrl("none")), progress);
    assertThat(shell.commands()).noneMatch(c -> c.equals(HostSetup.HAS_DOCKER) || c.contains("curl -fsSL"));
    assertThat(progress.lines()).doesNotContain("Installing Docker...");
  }

  @Test
  void hostileInstallUrlIsQuotedForTheShell() {
    RecordingShell shell = withoutDocker(shellFor("ubuntu-22.04"));
    provisioning(shell).provision(host(Engines.withInstallUrl("https://x/'; touch pwned; '")), progress);
    assertThat(scriptInstall(shell)).endsWith(" 'https://x/'\\''; touch pwned; '\\'''");
  }

  @Test
  void hostileLabelsReachOnlyTheUploadedDropIn() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    var engine = Engines.withLabels("x=$(touch pwned)", ";touch pwned");
    provisioning(shell).provision(host(engine), progress);
    assertThat(shell.commands()).noneMatch(c -> c.contains("pwned"));
    assertThat(shell.upload(DockerDropIn.PATH).text())
        .contains("--label \"x=$$(touch pwned)\" --label \";touch pwned\" --label provider=fake ");
  }

  @Test
  void rejectsAnInvalidHostnameBeforeRunningIt() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    var driver = new FakeDriver(new DriverContext("bad;name", store, progress), "10.0.0.5", "tcp://10.0.0.5:2376");
    Host bad = new Host("bad;name", "fake", driver, new HostOptions("", 0, 0, Engines.defaults(), swarm(false), auth));
    assertThatThrownBy(() -> provisioning(shell).provision(bad, progress))
        .hasMessage("Invalid hostname specified. Allowed hostname chars are: 0-9a-zA-Z . -");
    assertThat(shell.commands()).noneMatch(c -> c.contains("bad;name"));
    assertThat(shell.closed()).isTrue();
  }

  @Test
  void retriesAptWhileAnotherAptHoldsTheLock() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    int[] calls = {0};
    shell.answer(
        "sudo apt-get update"::equals,
        c -> ++calls[0] < 3
            ? new CommandResult(100, "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 1234")
            : new CommandResult(0, "Reading package lists..."));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.commands().stream().filter("sudo apt-get update"::equals)).hasSize(3);
  }

  @Test
  void debiansSudoInstallWaitsForTheAptLock() {
    String installSudo = "if ! type sudo; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y sudo; fi";
    RecordingShell shell = shellFor("debian-12");
    int[] calls = {0};
    shell.answer(installSudo::equals, c -> ++calls[0] < 2
        ? new CommandResult(100, "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 99 (apt-get)")
        : new CommandResult(0, ""));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(shell.commands().stream().filter(installSudo::equals)).hasSize(2);
  }

  @Test
  void upgradeWaitsForTheAptLock() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    String upgrade = PackageManager.APT.upgradeDockerCommand();
    int[] calls = {0};
    shell.answer(upgrade::equals, c -> ++calls[0] < 3
        ? new CommandResult(100, "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 99 (unattended-upgr)")
        : new CommandResult(0, ""));
    provisioning(shell).upgrade(host(Engines.defaults()), progress);
    assertThat(shell.commands().stream().filter(upgrade::equals)).hasSize(3);
    assertThat(shell.commands()).endsWith("sudo systemctl -f restart docker", HostSetup.DOCKER_PORT_PROBE);
  }

  @Test
  void givesUpOnTheAptLockAfterTheRetries() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    shell.answer("sudo apt-get update", 100, "E: Could not get lock /var/lib/apt/lists/lock");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .hasMessage("Failed to obtain lock: Maximum number of retries (3) exceeded");
  }

  @Test
  void aFailedAptUpdateIsReportedWithItsOutput() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    shell.answer("sudo apt-get update", 100, "E: The repository is not signed.");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .hasMessage("Error running \"sudo apt-get update\": exit status 100: E: The repository is not signed.");
  }

  @Test
  void debianWithoutDockerDownloadsTheScriptRunsItAndChecksForDocker() {
    RecordingShell shell = withoutDocker(shellFor("debian-12"));
    provisioning(shell).provision(host(Engines.defaults()), progress);

    String download = scriptInstall(shell);
    assertThat(download)
        .matches("umask 077 && curl -fsSL -o '/tmp/machine-docker-install-[0-9a-f-]{36}\\.sh' 'https://get\\.docker\\.com'");
    String script = download.substring(download.indexOf("-o ") + 3, download.lastIndexOf(" '"));
    List<String> commands = shell.commands();
    int at = commands.indexOf(download);
    assertThat(commands.subList(at - 1, at + 5))
        .containsExactly(HostSetup.HAS_DOCKER, download, "sh " + script, "rm -f " + script, HostSetup.HAS_DOCKER,
            START_IF_STOPPED);
  }

  @Test
  void anInstallScriptThatCannotBeDownloadedIsNamedAndNeverRun() {
    RecordingShell shell = withoutDocker(shellFor("ubuntu-22.04"));
    shell.answer(c -> c.contains("curl -fsSL"), c -> new CommandResult(22, "curl: (22) The requested URL returned error: 404\n"));
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.withInstallUrl("https://example.com/nope")), progress))
        .hasMessage("error installing docker: cannot download the install script https://example.com/nope: "
            + "curl: (22) The requested URL returned error: 404");
    assertThat(shell.commands()).noneMatch(c -> c.startsWith("sh "));
    assertThat(shell.commands()).anyMatch(c -> c.startsWith("rm -f '/tmp/machine-docker-install-"));
  }

  @Test
  void aSilentDownloadFailureStillSaysWhatFailed() {
    RecordingShell shell = withoutDocker(shellFor("ubuntu-22.04"));
    shell.answer(c -> c.contains("curl -fsSL"), c -> new CommandResult(6, ""));
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .hasMessage("error installing docker: cannot download the install script https://get.docker.com: curl exit status 6");
  }

  @Test
  void aFailingInstallScriptIsReportedWithTheEndOfItsOutput() {
    RecordingShell shell = withoutDocker(shellFor("ubuntu-22.04"));
    StringBuilder output = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      output.append("line ").append(i).append('\n');
    }
    shell.answer(c -> c.startsWith("sh '/tmp/machine-docker-install-"), c -> new CommandResult(100, output.toString()));
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .hasMessageStartingWith(
            "error installing docker: the install script https://get.docker.com failed with exit status 100\nline 11\n")
        .hasMessageEndingWith("\nline 30");
    assertThat(shell.commands()).anyMatch(c -> c.startsWith("rm -f '/tmp/machine-docker-install-"));
  }

  @Test
  void aScriptThatInstallsNoDockerIsAnError() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    shell.answer(HostSetup.HAS_DOCKER, 1, "");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .hasMessage("error installing docker: there is no docker command on the host after running the install script "
            + "https://get.docker.com");
    assertThat(shell.commands()).doesNotContain("sudo docker version");
  }

  /** The download command of the install script (asserts there is one). */
  private static String scriptInstall(RecordingShell shell) {
    return shell.commands().stream()
        .filter(c -> c.startsWith("umask 077 && curl -fsSL -o "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no script download in " + shell.transcript()));
  }

  @Test
  void failsFastWhenDockerIsStillMissingAfterTheInstall() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    shell.answer("sudo docker version", 1, "sudo: docker: command not found");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .hasMessage("error installing docker: docker is not installed on the host");
    assertThat(shell.commands().stream().filter("sudo docker version"::equals)).hasSize(1);
  }

  @Test
  void waitsForDockerVersionToSucceed() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    int[] calls = {0};
    shell.answer("sudo docker version"::equals,
        c -> ++calls[0] < 2 ? new CommandResult(1, "Cannot connect to the Docker daemon") : new CommandResult(0, "Server: 20.10"));
    provisioning(shell).provision(host(Engines.defaults()), progress);
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  void daemonThatNeverListensGivesDockerMachinesError() {
    RecordingShell shell = new RecordingShell();
    shell.answer("cat /etc/os-release", 0, OsReleaseSamples.text("debian-12"));
    shell.answer(HostSetup.DOCKER_PORT_PROBE, 0, "LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .isInstanceOf(MachineException.class)
        .hasMessage("Unable to verify the Docker daemon is listening: Maximum number of retries (3) exceeded");
    assertThat(shell.commands().stream().filter(HostSetup.DOCKER_PORT_PROBE::equals)).hasSize(3);
    assertThat(shell.closed()).isTrue();
  }

  @Test
  void portWaitDoesNotMistakeAnotherPortForTheDaemon() {
    RecordingShell shell = new RecordingShell();
    shell.answer("cat /etc/os-release", 0, OsReleaseSamples.text("debian-12"));
    shell.answer(HostSetup.DOCKER_PORT_PROBE, 0, "LISTEN 0 128 0.0.0.0:23760 0.0.0.0:*\n");
    assertThatThrownBy(() -> provisioning(shell).waitForDocker(host(Engines.defaults()), progress))
        .hasMessageStartingWith("Unable to verify the Docker daemon is listening");
  }

  @Test
  void aFailingCommandIsNamedWithItsCauseOnTheFirstLineAndItsOutputBelow() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    shell.answer("sudo systemctl -f stop docker", 5, "Failed to stop docker.service: Access denied\nSee system logs.\n");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .hasMessage(
            "sudo systemctl -f stop docker: exit status 5: Failed to stop docker.service: Access denied\n"
                + "Failed to stop docker.service: Access denied\n"
                + "See system logs.");
  }

  @Test
  void aDaemonThatRejectsAnOptionIsReportedByDockerdsOwnWords() {
    RecordingShell shell = shellFor("debian-12");
    // The test hosts' systemctl prints the end of dockerd's log; dockerd ends with a hint.
    String output = "Job for docker.service failed. See /var/log/docker.log:\n"
        + "time=\"2024-01-01T00:00:00Z\" level=info msg=\"Daemon shutdown complete\"\n"
        + "Status: unknown flag: --no-such-dockerd-flag\n"
        + "See 'dockerd --help'., Code: 125\n";
    shell.answer("sudo systemctl -f start docker", 1, output);
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .satisfies(e -> assertThat(e.getMessage().lines().findFirst().orElseThrow())
            .isEqualTo("sudo systemctl -f start docker: exit status 1: Status: unknown flag: --no-such-dockerd-flag"))
        .hasMessageContaining("\nSee 'dockerd --help'., Code: 125");
  }

  @Test
  void unsupportedOsStopsAfterDetection() {
    RecordingShell shell = shellFor("boot2docker");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .isInstanceOf(OsDetectionException.class)
        .hasMessage("Boot2Docker is not supported: it is no longer maintained");
    assertThat(shell.commands()).containsExactly("cat /etc/os-release");
  }

  @Test
  void unreadableOsReleaseIsReported() {
    RecordingShell shell = new RecordingShell().answer("cat /etc/os-release", 1, "cat: /etc/os-release: No such file");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .isInstanceOf(OsDetectionException.class)
        .hasMessage("Error getting SSH command: cat /etc/os-release: exit status 1: cat: /etc/os-release: No such file");
  }

  @Test
  void sshThatNeverAnswersIsADetectionFailure() {
    var never = new SshProvisioning((h, p) -> {
      throw new MachineException("Too many retries waiting for SSH to be available.  Last error: refused");
    }, (a, n, s, m) -> {}, FAST);
    assertThatThrownBy(() -> never.provision(host(Engines.defaults()), progress))
        .isInstanceOf(OsDetectionException.class)
        .hasMessage("Too many retries waiting for SSH to be available.  Last error: refused");
  }

  @Test
  void aFailureAfterDetectionIsNoDetectionFailure() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    shell.answer("sudo systemctl -f enable docker", 1, "Failed to enable unit");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults()), progress))
        .isNotInstanceOf(OsDetectionException.class)
        .hasMessage("sudo systemctl -f enable docker: exit status 1: Failed to enable unit");
  }

  @Test
  void swarmIsRejectedBeforeConnecting() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    assertThatThrownBy(() -> provisioning(shell).provision(host(Engines.defaults(), swarm(true)), progress))
        .hasMessageContaining("Swarm (legacy, --swarm) is not supported");
    assertThat(opened).isEmpty();
  }

  @Test
  void provisioningTwiceWritesTheSameFiles() {
    RecordingShell first = shellFor("debian-12");
    provisioning(first).provision(host(Engines.withLabels("env=dev")), progress);
    RecordingShell second = shellFor("debian-12");
    provisioning(second).provision(host(Engines.withLabels("env=dev")), progress);
    assertThat(second.transcript()).isEqualTo(first.transcript());
    assertThat(second.upload(DockerDropIn.PATH).content()).isEqualTo(first.upload(DockerDropIn.PATH).content());
  }

  @Test
  void configureAuthRegeneratesAndRestartsWithoutReinstalling() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    provisioning(shell).configureAuth(host(Engines.defaults()), progress);
    List<String> expected = new ArrayList<>();
    expected.add("cat /etc/os-release");
    expected.addAll(configureAuthTail());
    assertThat(shell.transcript()).containsExactlyElementsOf(expected);
    assertThat(issuedSans).hasSize(1);
    assertThat(opened).hasSize(1);
  }

  @Test
  void aFailedUploadLeavesTheRunningDaemonAlone() {
    for (String path : List.of(DockerDropIn.CA_PATH, DockerDropIn.SERVER_KEY_PATH, DockerDropIn.PATH)) {
      RecordingShell shell = shellFor("ubuntu-22.04").failUpload(path);
      assertThatThrownBy(() -> provisioning(shell).configureAuth(host(Engines.defaults()), progress))
          .hasMessage("Error writing " + path + ": disk full");
      assertThat(shell.commands()).noneMatch(c -> c.startsWith("sudo systemctl"));
    }
  }

  @Test
  void waitForDockerOnlyProbesThePort() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    provisioning(shell).waitForDocker(host(Engines.defaults()), progress);
    assertThat(shell.commands()).containsExactly("cat /etc/os-release", HostSetup.DOCKER_PORT_PROBE);
  }

  @Test
  void upgradeUpgradesTheInstalledDockerPackagesAndRestarts() {
    RecordingShell shell = shellFor("debian-12");
    provisioning(shell).upgrade(host(Engines.defaults()), progress);
    assertThat(shell.commands())
        .containsExactly(
            "cat /etc/os-release",
            "sudo apt-get update",
            PackageManager.APT.upgradeDockerCommand(),
            "sudo systemctl daemon-reload",
            "sudo systemctl -f restart docker",
            HostSetup.DOCKER_PORT_PROBE);
    assertThat(progress.lines()).containsSubsequence("Upgrading docker...", "Restarting docker...");
  }

  @Test
  void upgradeOnRockyUsesDnf() {
    RecordingShell shell = shellFor("rocky-9");
    provisioning(shell).upgrade(host(Engines.defaults()), progress);
    assertThat(shell.commands().get(1)).isEqualTo(PackageManager.DNF.upgradeDockerCommand());
    assertThat(PackageManager.DNF.upgradeDockerCommand())
        .contains("rpm -q --qf")
        .contains("if [ -n \"$pkgs\" ]; then sudo -E dnf upgrade -y $pkgs; fi");
  }

  @Test
  void dockerPortComesFromTheDriverUrl() {
    RecordingShell shell = new RecordingShell();
    shell.answer("cat /etc/os-release", 0, OsReleaseSamples.text("debian-12"));
    shell.answer(HostSetup.DOCKER_PORT_PROBE, 0, "LISTEN 0 4096 *:12376 *:*\n");
    var driver = new FakeDriver(new DriverContext("dev", store, progress), "10.0.0.5", "tcp://10.0.0.5:12376");
    Host h = new Host("dev", "fake", driver, new HostOptions("", 0, 0, Engines.defaults(), swarm(false), auth));
    provisioning(shell).provision(h, progress);
    assertThat(shell.upload(DockerDropIn.PATH).text()).contains("-H tcp://0.0.0.0:12376 ");
  }

  @Test
  void serverCertErrorsAreWrapped() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    var p = new SshProvisioning((h, pr) -> shell, (a, n, s, m) -> {
      throw new MachineException("CA key missing");
    }, FAST);
    assertThatThrownBy(() -> p.configureAuth(host(Engines.defaults()), progress))
        .hasMessage("error generating server cert: CA key missing");
    assertThat(shell.commands()).doesNotContain("sudo systemctl -f stop docker");
  }

  @Test
  void missingCaIsReportedAsACopyFailure() throws IOException {
    Files.delete(Path.of(auth.caCertPath()));
    RecordingShell shell = shellFor("ubuntu-22.04");
    assertThatThrownBy(() -> provisioning(shell).configureAuth(host(Engines.defaults()), progress))
        .hasMessageStartingWith("Copying ca.pem to machine dir failed: ");
  }

  @Test
  void envValuesAreWrittenAsSystemdEnvironment() {
    RecordingShell shell = shellFor("ubuntu-22.04");
    var engine = Engines.options(List.of(), List.of("HTTP_PROXY=http://p:3128", "A=b c"), List.of(), List.of(), List.of(), "", "");
    provisioning(shell).provision(host(engine), progress);
    assertThat(new String(shell.upload(DockerDropIn.PATH).content(), StandardCharsets.UTF_8))
        .endsWith("Environment=\"HTTP_PROXY=http://p:3128\" \"A=b c\" \n");
  }

  @Test
  void sshTargetComesFromTheDriverAndPinsTheHostKeyInTheMachineDir() {
    var target = SshShellFactory.target(host(Engines.defaults()));
    assertThat(target.display()).isEqualTo("root@10.0.0.5:22");
    assertThat(target.keyPath()).isEqualTo(store.resolve("machines/dev/id_rsa").toString());
    assertThat(target.knownHostsFile()).isEqualTo(store.resolve("machines/dev/known_hosts"));
  }
}
