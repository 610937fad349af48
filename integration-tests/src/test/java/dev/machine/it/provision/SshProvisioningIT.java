package dev.machine.it.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import dev.machine.core.ssh.SshKeys;
import dev.machine.core.testing.StoreCertificates;
import dev.machine.drivers.generic.GenericDriverProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final String HOST_NS = "prov-h1";
  private static final String IP = "10.200.77.4";
  private static final String GATEWAY = "10.200.77.1";
  /** Any of these, run by a shell or by the systemctl stand-in, would create a file named pwned. */
  private static final List<String> HOSTILE_LABELS =
      List.of("x=$(touch /tmp/pwned)", "semi=;touch /tmp/pwned", "q=`touch /tmp/pwned`", "amp=a && touch /tmp/pwned");

  private static Path work;
  private static ScriptedTestHost testHost;
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
    Path testbed = ScriptedTestHost.testbed();
    assumeTrue(testbed != null, "no testbed directory (system property machine.testbed)");
    assumeTrue("root".equals(System.getProperty("user.name")), "test hosts need root (namespaces)");
    assumeTrue(Files.isRegularFile(testbed.resolve("cache/rootfs.tar")),
        "no test host root filesystem: run integration-tests/testbed/build-rootfs.sh");

    work = Files.createTempDirectory("provision-it");
    Path key = work.resolve("id_rsa");
    SshKeys.generate(key);
    testHost = ScriptedTestHost.boot(testbed, work.resolve("hosts"), HOST_NS, IP, GATEWAY, SshKeys.publicKeyPath(key));

    Path store = work.resolve("store");
    auth = StoreCertificates.authOptions(store, MACHINE);
    new CertificateBootstrap(Progress.SILENT).bootstrap(auth);

    Driver driver = new GenericDriverProvider().newDriver(new DriverContext(MACHINE, store, progress));
    driver.setConfigFromFlags(
        new MapDriverOptions(
            Map.of(
                "generic-ip-address", IP,
                "generic-ssh-user", "machine",
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
          return new TimedShell(ssh.open(h, p));
        };
    provisioning = new SshProvisioning(counting, ServerCertIssuer.standard(), Waits.DOCKER_MACHINE);
  }

  @AfterAll
  static void stopHost() throws Exception {
    try {
      if (testHost != null) {
        testHost.close();
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
    int acceptedBefore = acceptedSshLogins();
    long start = System.nanoTime();
    provisioning.provision(host, progress);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("provisioning %s took %d ms over %d SSH connection(s)%n", IP, millis, connections.get());

    assertThat(connections.get()).isEqualTo(1);
    assertThat(acceptedSshLogins() - acceptedBefore).isEqualTo(1);
    assertThat(progressLines)
        .containsSubsequence(
            "Waiting for SSH to be available...",
            "Detecting the provisioner...",
            "Provisioning with debian...",
            "Installing Docker...",
            "Copying certs to the local machine directory...",
            "Copying certs to the remote machine...",
            "Setting Docker configuration on the remote daemon...");

    assertThat(host.driver().url()).isEqualTo("tcp://" + IP + ":2376");
    assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).matches("\\d+\\..*");

    assertThat(testHost.exec("hostname").strip()).isEqualTo(MACHINE);
    assertThat(testHost.exec("cat", "/etc/hostname").strip()).isEqualTo(MACHINE);
    assertThat(testHost.exec("cat", "/etc/hosts")).containsPattern("(?m)^127\\.0\\.1\\.1 " + MACHINE + "$");

    assertThat(testHost.exec("cat", DockerDropIn.PATH))
        .isEqualTo(DockerDropIn.content(host.hostOptions().engineOptions(), 2376, "generic"));
    assertThat(testHost.exec("cat", "/etc/docker/ca.pem")).isEqualTo(Files.readString(Path.of(auth.caCertPath())));
    assertThat(testHost.exec("cat", "/etc/docker/server.pem"))
        .isEqualTo(Files.readString(Path.of(auth.serverCertPath())));
    assertThat(testHost.exec("stat", "-c", "%a %U", "/etc/docker/server-key.pem").strip()).isEqualTo("600 root");

    Path machineDir = Path.of(auth.storePath());
    for (String f : List.of("ca.pem", "cert.pem", "key.pem", "server.pem", "server-key.pem", "id_rsa")) {
      assertThat(machineDir.resolve(f)).exists();
    }
    assertNothingExecuted();
  }

  @Test
  @Order(2)
  void passesHostileLabelsToDockerdLiterally() throws Exception {
    String labels = testHost.exec("docker", "info", "--format", "{{json .Labels}}");
    assertThat(labels).contains("\"env=it\"", "\"semi=;touch /tmp/pwned\"", "\"q=`touch /tmp/pwned`\"",
        "\"amp=a && touch /tmp/pwned\"", "\"provider=generic\"");
    // systemd turns $$ back into $; the testbed's stand-in passes it on as it is. Either way, literal.
    assertThat(labels).containsPattern("\"x=\\$\\$?\\(touch /tmp/pwned\\)\"");
    assertNothingExecuted();
  }

  @Test
  @Order(3)
  void provisioningAgainConverges() throws Exception {
    String dropIn = testHost.exec("cat", DockerDropIn.PATH);
    String hosts = testHost.exec("cat", "/etc/hosts");
    connections.set(0);
    long start = System.nanoTime();
    provisioning.provision(host, progress);
    System.out.printf("re-provisioning took %d ms over %d SSH connection(s)%n",
        (System.nanoTime() - start) / 1_000_000, connections.get());

    assertThat(connections.get()).isEqualTo(1);
    assertThat(testHost.exec("cat", DockerDropIn.PATH)).isEqualTo(dropIn);
    assertThat(testHost.exec("cat", "/etc/hosts")).isEqualTo(hosts);
    assertThat(testHost.exec("cat", "/etc/docker/server.pem"))
        .isEqualTo(Files.readString(Path.of(auth.serverCertPath())));
    assertThat(new DockerTlsClient(auth).serverVersion(host.driver().url(), Duration.ofSeconds(20))).isNotEmpty();
    assertThat(testHost.exec("sh", "-c", "pgrep -c -x dockerd || true").strip()).isEqualTo("1");
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
    assertThat(testHost.exec("cat", "/etc/docker/server.pem")).isEqualTo(after);
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
    assertThat(testHost.exec("find", "/", "-xdev", "-name", "pwned")).isEmpty();
    assertThat(Path.of("/tmp/pwned")).doesNotExist();
  }

  /** sshd's log lines for accepted logins (one per SSH connection). */
  private static int acceptedSshLogins() throws Exception {
    Matcher m = Pattern.compile("Accepted publickey for machine").matcher(testHost.console());
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
