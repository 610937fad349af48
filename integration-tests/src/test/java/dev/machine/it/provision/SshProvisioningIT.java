package dev.machine.it.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.cert.CertificateBootstrap;
import dev.machine.core.docker.DockerTlsClient;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.MapDriverOptions;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import dev.machine.core.host.SwarmOptions;
import dev.machine.core.provision.DockerDropIn;
import dev.machine.core.provision.RemoteShellFactory;
import dev.machine.core.provision.ServerCertIssuer;
import dev.machine.core.provision.SshProvisioning;
import dev.machine.core.provision.SshShellFactory;
import dev.machine.core.provision.Waits;
import dev.machine.core.testing.StoreCertificates;
import dev.machine.drivers.generic.GenericDriverProvider;
import dev.machine.it.testbed.TestHost;
import dev.machine.it.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Provisions a real test host (Debian 12 with sshd and dockerd in its own namespaces) with
 * {@link SshProvisioning}, as {@code create -d generic} does after the driver's create, and checks
 * what a user would: Docker answers over TLS with the store's client certificate, the host is named
 * after the machine, hostile engine options were passed literally and never executed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshProvisioningIT {
  private static final String MACHINE = "prov-it";
  /** Any of these, run by a shell or by the systemctl stand-in, would create a file named pwned. */
  private static final List<String> HOSTILE_LABELS =
      List.of("x=$(touch /tmp/pwned)", "semi=;touch /tmp/pwned", "q=`touch /tmp/pwned`", "amp=a && touch /tmp/pwned");

  private static Path work;
  private static TestHosts testHosts;
  private static TestHost testHost;
  private static String ip;
  private static Host host;
  private static AuthOptions auth;
  private static SshProvisioning provisioning;
  private static final AtomicInteger connections = new AtomicInteger();
  private static final List<String> progressLines = Collections.synchronizedList(new ArrayList<>());
  private static final Progress progress =
      new Progress() {
        @Override
        public void info(String message) {
          progressLines.add(message);
        }

        @Override
        public void warn(String message) {
          progressLines.add("WARN " + message);
        }
      };

  @BeforeAll
  static void bootHostAndCreateMachine() throws Exception {
    TestHosts.requireEnvironment();
    testHosts = TestHosts.start(1);
    testHost = testHosts.host("h1");
    ip = testHost.ip();
    Path key = testHosts.privateKeyPath();
    work = Files.createTempDirectory("provision-it");

    Path store = work.resolve("store");
    auth = StoreCertificates.authOptions(store, MACHINE);
    new CertificateBootstrap(Progress.SILENT).bootstrap(auth);

    Driver driver = new GenericDriverProvider().newDriver(new DriverContext(MACHINE, store, progress));
    driver.setConfigFromFlags(
        new MapDriverOptions(
            Map.of(
                "generic-ip-address", ip,
                "generic-ssh-user", TestHost.SSH_USER,
                "generic-ssh-key", key.toString(),
                "generic-ssh-port", 22,
                "generic-engine-port", 2376)));
    driver.preCreateCheck();
    driver.create();

    EngineOptions engine =
        new EngineOptions(
            List.of("log-level=info"),
            null,
            "",
            List.of("EVIL=$(touch /tmp/pwned)", "PLAIN=value with spaces"),
            false,
            List.of("registry.local:5000"),
            concat(List.of("env=it"), HOSTILE_LABELS),
            "",
            "",
            false,
            true,
            List.of(),
            // docker is on the test host already, so this is never fetched; it must still be inert.
            "https://get.docker.com/?$(touch /tmp/pwned)");
    SwarmOptions swarm =
        new SwarmOptions(false, "", "", false, false, SwarmOptions.DEFAULT_HOST, SwarmOptions.DEFAULT_IMAGE,
            SwarmOptions.DEFAULT_STRATEGY, 0, 0, List.of(), List.of(), null, false);
    host = new Host(MACHINE, "generic", driver, new HostOptions("", 0, 0, engine, swarm, auth));

    RemoteShellFactory ssh = new SshShellFactory(Waits.DOCKER_MACHINE);
    RemoteShellFactory counting =
        (h, p) -> {
          connections.incrementAndGet();
          long start = System.nanoTime();
          var shell = ssh.open(h, p);
          System.out.printf("  %5d ms  (SSH connect and wait)%n", (System.nanoTime() - start) / 1_000_000);
          return new TimedShell(shell);
        };
    ServerCertIssuer standard = ServerCertIssuer.standard();
    ServerCertIssuer timedIssuer =
        (a, name, sans, master) -> {
          long start = System.nanoTime();
          standard.issue(a, name, sans, master);
          System.out.printf("  %5d ms  (server certificate)%n", (System.nanoTime() - start) / 1_000_000);
        };
    provisioning = new SshProvisioning(counting, timedIssuer, Waits.DOCKER_MACHINE);
  }

  @AfterAll
  static void stopHost() throws Exception {
    try {
      if (testHosts != null) {
        testHosts.close();
      }
    } finally {
      if (work != null) {
        try (var paths = Files.walk(work)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  @Order(1)
  void provisionsDockerWithTls() throws Exception {
    long start = System.nanoTime();
    provisioning.provision(host, progress);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("provisioning %s took %d ms over %d SSH connection(s)%n", ip, millis, connections.get());

    assertThat(connections.get()).isEqualTo(1);
    assertThat(progressLines)
        .containsSubsequence(
            "Waiting for SSH to be available...",
            "Detecting the provisioner...",
            "Provisioning with debian...",
            "Installing Docker...",
            "Copying certs to the local machine directory...",
            "Copying certs to the remote machine...",
            "Setting Docker configuration on the remote daemon...");

    assertThat(host.driver().url()).isEqualTo("tcp://" + ip + ":2376");
    assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).matches("\\d+\\..*");

    assertThat(sh("hostname").strip()).isEqualTo(MACHINE);
    assertThat(sh("cat", "/etc/hostname").strip()).isEqualTo(MACHINE);
    assertThat(sh("cat", "/etc/hosts")).containsPattern("(?m)^127\\.0\\.1\\.1 " + MACHINE + "$");

    assertThat(sh("cat", DockerDropIn.PATH))
        .isEqualTo(DockerDropIn.content(host.hostOptions().engineOptions(), 2376, "generic"));
    assertThat(sh("cat", "/etc/docker/ca.pem")).isEqualTo(Files.readString(Path.of(auth.caCertPath())));
    assertThat(sh("cat", "/etc/docker/server.pem"))
        .isEqualTo(Files.readString(Path.of(auth.serverCertPath())));
    assertThat(sh("stat", "-c", "%a %U", "/etc/docker/server-key.pem").strip()).isEqualTo("600 root");

    Path machineDir = Path.of(auth.storePath());
    for (String f : List.of("ca.pem", "cert.pem", "key.pem", "server.pem", "server-key.pem", "id_rsa")) {
      assertThat(machineDir.resolve(f)).exists();
    }
    assertNothingExecuted();
  }

  @Test
  @Order(2)
  void passesHostileLabelsToDockerdLiterally() throws Exception {
    String labels = sh("docker", "info", "--format", "{{json .Labels}}");
    assertThat(labels).contains("\"env=it\"", "\"semi=;touch /tmp/pwned\"", "\"q=`touch /tmp/pwned`\"",
        "\"amp=a && touch /tmp/pwned\"", "\"provider=generic\"");
    // systemd turns $$ back into $; the testbed's stand-in passes it on as it is. Either way, literal.
    assertThat(labels).containsPattern("\"x=\\$\\$?\\(touch /tmp/pwned\\)\"");
    assertNothingExecuted();
  }

  @Test
  @Order(3)
  void provisioningAgainConverges() throws Exception {
    String dropIn = sh("cat", DockerDropIn.PATH);
    String hosts = sh("cat", "/etc/hosts");
    connections.set(0);
    long start = System.nanoTime();
    provisioning.provision(host, progress);
    System.out.printf("re-provisioning took %d ms over %d SSH connection(s)%n",
        (System.nanoTime() - start) / 1_000_000, connections.get());

    assertThat(connections.get()).isEqualTo(1);
    assertThat(sh("cat", DockerDropIn.PATH)).isEqualTo(dropIn);
    assertThat(sh("cat", "/etc/hosts")).isEqualTo(hosts);
    assertThat(sh("cat", "/etc/docker/server.pem"))
        .isEqualTo(Files.readString(Path.of(auth.serverCertPath())));
    assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).isNotEmpty();
    assertThat(sh("sh", "-c", "pgrep -c -x dockerd || true").strip()).isEqualTo("1");
    assertNothingExecuted();
  }

  @Test
  @Order(4)
  void configureAuthInstallsANewServerCertificate() throws Exception {
    String before = Files.readString(Path.of(auth.serverCertPath()));
    connections.set(0);
    provisioning.configureAuth(host, progress);

    String after = Files.readString(Path.of(auth.serverCertPath()));
    assertThat(after).isNotEqualTo(before);
    assertThat(sh("cat", "/etc/docker/server.pem")).isEqualTo(after);
    assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).isNotEmpty();
    assertThat(connections.get()).isEqualTo(1);
  }

  @Test
  @Order(5)
  void upgradeRestartsDockerAndItComesBack() throws Exception {
    progressLines.clear();
    provisioning.upgrade(host, progress);
    assertThat(progressLines).containsSubsequence("Upgrading docker...", "Restarting docker...");
    assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).isNotEmpty();
    provisioning.waitForDocker(host, progress);
  }

  @Test
  @Order(6)
  void installsDockerWithTheScriptAtTheInstallUrl() throws Exception {
    hideDocker();
    try (InstallScriptServer server = InstallScriptServer.start(testHosts.gatewayIp())) {
      // Stands in for get.docker.com: "installs" the docker CLI the test hid.
      server.serve("/install.sh", "#!/bin/sh\nset -e\nsudo mv /usr/bin/docker.hidden /usr/bin/docker\necho installed\n");
      provisioning.provision(withInstallUrl(server.url("/install.sh")), progress);

      assertThat(server.requests()).containsExactly("GET /install.sh");
      assertThat(sh("sh", "-c", "command -v docker").strip()).isEqualTo("/usr/bin/docker");
      assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).isNotEmpty();
      assertThat(sh("ls", "-A", "/tmp")).doesNotContain("machine-docker-install");
    } finally {
      restoreDocker();
    }
  }

  @Test
  @Order(7)
  void anInstallScriptThatInstallsNoDockerFailsClearly() throws Exception {
    hideDocker();
    try (InstallScriptServer server = InstallScriptServer.start(testHosts.gatewayIp())) {
      server.serve("/noop.sh", "echo nothing to install\n");
      String url = server.url("/noop.sh");
      assertThatThrownBy(() -> provisioning.provision(withInstallUrl(url), progress))
          .isInstanceOf(MachineException.class)
          .hasMessage("error installing docker: there is no docker command on the host after running the install script " + url);

      String missing = server.url("/missing.sh");
      assertThatThrownBy(() -> provisioning.provision(withInstallUrl(missing), progress))
          .hasMessage("error installing docker: cannot download the install script " + missing
              + ": curl: (22) The requested URL returned error: 404");
      assertThat(server.requests()).containsExactly("GET /noop.sh", "GET /missing.sh");
    } finally {
      restoreDocker();
    }
  }

  @Test
  @Order(8)
  void aFailedUploadLeavesTheRunningDaemonUntouched() throws Exception {
    String pid = sh("cat", "/var/run/docker.pid").strip();
    String certOnHost = sh("cat", "/etc/docker/server.pem");
    // A directory where the server certificate goes: its upload (install, then mv -T) must fail.
    sh("sh", "-c", "mv /etc/docker/server.pem /root/server.pem.saved && mkdir -p /etc/docker/server.pem/in-the-way");
    try {
      assertThatThrownBy(() -> provisioning.configureAuth(host, progress))
          .isInstanceOf(MachineException.class)
          .hasMessageStartingWith("Error writing /etc/docker/server.pem on ")
          .hasMessageContaining("cannot overwrite directory");

      assertThat(sh("cat", "/var/run/docker.pid").strip()).isEqualTo(pid);
      assertThat(sh("sh", "-c", "kill -0 " + pid + " && echo alive").strip()).isEqualTo("alive");
      assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).isNotEmpty();
      assertThat(sh("ls", "-A", "/etc/docker")).doesNotContain(".machine-");
    } finally {
      sh("sh", "-c", "rm -rf /etc/docker/server.pem && mv /root/server.pem.saved /etc/docker/server.pem");
    }
    assertThat(sh("cat", "/etc/docker/server.pem")).isEqualTo(certOnHost);

    // Once the way is clear, the same call installs the new certificate and restarts docker once.
    provisioning.configureAuth(host, progress);
    assertThat(sh("cat", "/etc/docker/server.pem")).isEqualTo(Files.readString(Path.of(auth.serverCertPath())));
    assertThat(sh("cat", "/var/run/docker.pid").strip()).isNotEqualTo(pid);
    assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).isNotEmpty();
  }

  private static void hideDocker() {
    testHost.exec("mv /usr/bin/docker /usr/bin/docker.hidden").orThrow("hiding docker");
  }

  private static void restoreDocker() {
    testHost.exec("[ ! -e /usr/bin/docker.hidden ] || mv /usr/bin/docker.hidden /usr/bin/docker").orThrow("restoring docker");
  }

  /** The test's machine with another {@code --engine-install-url}. */
  private static Host withInstallUrl(String url) {
    EngineOptions e = host.hostOptions().engineOptions();
    EngineOptions engine =
        new EngineOptions(e.arbitraryFlags(), e.dns(), e.graphDir(), e.env(), e.ipv6(), e.insecureRegistry(),
            e.labels(), e.logLevel(), e.storageDriver(), e.selinuxEnabled(), e.tlsVerify(), e.registryMirror(), url);
    HostOptions o = host.hostOptions();
    return new Host(MACHINE, "generic", host.driver(),
        new HostOptions(o.driver(), o.memory(), o.disk(), engine, o.swarmOptions(), o.authOptions()));
  }

  /** Prints how long each remote step took, to see where provisioning spends its time. */
  private record TimedShell(dev.machine.core.ssh.RemoteShell shell) implements dev.machine.core.ssh.RemoteShell {
    @Override
    public dev.machine.core.ssh.CommandResult run(String command) {
      long start = System.nanoTime();
      try {
        return shell.run(command);
      } finally {
        System.out.printf("  %5d ms  %s%n", (System.nanoTime() - start) / 1_000_000, command.lines().findFirst().orElse(""));
      }
    }

    @Override
    public void writeFile(String remotePath, byte[] content, int mode) {
      long start = System.nanoTime();
      shell.writeFile(remotePath, content, mode);
      System.out.printf("  %5d ms  upload %s%n", (System.nanoTime() - start) / 1_000_000, remotePath);
    }

    @Override
    public void close() {
      shell.close();
    }
  }

  private static void assertNothingExecuted() throws Exception {
    assertThat(sh("find", "/", "-xdev", "-name", "pwned")).isEmpty();
    assertThat(Path.of("/tmp/pwned")).doesNotExist();
  }

  /** Runs a command as root inside the test host (no SSH); its stdout. */
  private static String sh(String... words) {
    StringBuilder command = new StringBuilder();
    for (String w : words) {
      command.append(command.length() == 0 ? "" : " ").append(dev.machine.core.ssh.ShellQuote.quote(w));
    }
    return testHost.exec(command.toString()).orThrow(command.toString()).stdout();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
