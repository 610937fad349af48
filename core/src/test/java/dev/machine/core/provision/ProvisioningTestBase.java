package dev.machine.core.provision;

import dev.machine.core.driver.DriverContext;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import dev.machine.core.host.SwarmOptions;
import dev.machine.core.ssh.CommandResult;
import dev.machine.core.testing.RecordingProgress;
import dev.machine.core.testing.StoreCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What provisioning tests share: a machine "dev" at 10.0.0.5 with the store's certificates, a
 * provisioning that runs over a {@link RecordingShell}, and the command sequences Docker Machine
 * runs around the per-distribution part.
 */
abstract class ProvisioningTestBase {
  static final String SS_LISTENING =
      "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
          + "LISTEN 0      4096       127.0.0.1:22        0.0.0.0:*\n"
          + "LISTEN 0      4096               *:2376            *:*\n";
  static final Waits FAST = new Waits(3, Duration.ZERO, 3, Duration.ZERO);
  static final String HOSTNAME = "sudo hostname 'dev' && echo 'dev' | sudo tee /etc/hostname";
  static final String HOSTS_FIX =
      "if ! grep -xq '.*\\sdev' /etc/hosts; then if grep -xq '127.0.1.1\\s.*' /etc/hosts; then "
          + "sudo sed -i 's/^127.0.1.1\\s.*/127.0.1.1 dev/g' /etc/hosts; "
          + "else echo '127.0.1.1 dev' | sudo tee -a /etc/hosts; fi; fi";
  static final String START_IF_STOPPED = "sudo systemctl is-active docker || sudo systemctl -f start docker";

  @TempDir Path store;
  AuthOptions auth;
  final List<List<String>> issuedSans = new ArrayList<>();
  final RecordingProgress progress = new RecordingProgress();
  final List<RecordingShell> opened = new ArrayList<>();

  @BeforeEach
  void certificates() throws IOException {
    Path certs = Files.createDirectories(store.resolve("certs"));
    Files.createDirectories(store.resolve("machines/dev"));
    Files.writeString(certs.resolve("ca.pem"), "CA CERT");
    Files.writeString(certs.resolve("ca-key.pem"), "CA KEY");
    Files.writeString(certs.resolve("cert.pem"), "CLIENT CERT");
    Files.writeString(certs.resolve("key.pem"), "CLIENT KEY");
    auth = StoreCertificates.authOptions(store, "dev", List.of("dev.example.com"));
  }

  Host host(EngineOptions engine) {
    return host(engine, swarm(false));
  }

  Host host(EngineOptions engine, SwarmOptions swarm) {
    var driver = new FakeDriver(new DriverContext("dev", store, progress), "10.0.0.5", "tcp://10.0.0.5:2376");
    return new Host("dev", "fake", driver, new HostOptions("", 0, 0, engine, swarm, auth));
  }

  static SwarmOptions swarm(boolean on) {
    return new SwarmOptions(on, "", "", false, on, SwarmOptions.DEFAULT_HOST, SwarmOptions.DEFAULT_IMAGE,
        SwarmOptions.DEFAULT_STRATEGY, 0, 0, List.of(), List.of(), null, false);
  }

  /** A shell on a host with the given os-release, Docker installed and the daemon listening. */
  static RecordingShell shellFor(String osRelease) {
    RecordingShell shell = new RecordingShell();
    shell.answer("cat /etc/os-release", 0, OsReleaseSamples.text(osRelease));
    shell.answer(HostSetup.DOCKER_PORT_PROBE, 0, SS_LISTENING);
    return shell;
  }

  /** The host lacks docker until a script or package install ran. */
  static RecordingShell withoutDocker(RecordingShell shell) {
    return shell.answer(
        HostSetup.HAS_DOCKER::equals,
        c -> shell.commands().stream().anyMatch(ProvisioningTestBase::installsDocker)
            ? new CommandResult(0, "/usr/bin/docker")
            : new CommandResult(1, ""));
  }

  private static boolean installsDocker(String command) {
    return command.startsWith("sh '/tmp/machine-docker-install-") || command.matches(".* (install|in|-Sy) .*docker(-ce .*)?$");
  }

  SshProvisioning provisioning(RecordingShell shell) {
    return new SshProvisioning(
        (h, p) -> {
          opened.add(shell);
          return shell;
        },
        (a, name, sans, swarmMaster) -> {
          issuedSans.add(sans);
          write(a.serverCertPath(), "SERVER CERT " + name);
          write(a.serverKeyPath(), "SERVER KEY " + name);
        },
        FAST);
  }

  private static void write(String path, String content) {
    try {
      Files.writeString(Path.of(path), content);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Certificates and the drop-in uploaded, docker restarted with them, the port checked. */
  static List<String> configureAuthTail() {
    return List.of(
        "sudo mkdir -p /etc/docker /etc/systemd/system/docker.service.d",
        "upload /etc/docker/ca.pem mode 644",
        "upload /etc/docker/server.pem mode 644",
        "upload /etc/docker/server-key.pem mode 600",
        DropInBackup.SAVE,
        "upload /etc/systemd/system/docker.service.d/10-machine.conf mode 644",
        "sudo systemctl daemon-reload",
        "sudo systemctl -f stop docker",
        "if [ ! -z \"$(ip link show docker0 2>/dev/null)\" ]; then sudo ip link delete docker0; fi",
        "sudo systemctl -f start docker",
        HostSetup.DOCKER_PORT_PROBE,
        DropInBackup.DISCARD);
  }

  /** A whole provisioning: {@code head} (detection to the Docker install), then the common end. */
  static List<String> expected(List<String> head) {
    List<String> all = new ArrayList<>(head);
    all.add(START_IF_STOPPED);
    all.add("sudo docker version");
    all.addAll(configureAuthTail());
    all.add("sudo systemctl -f enable docker");
    return all;
  }
}
