package dev.machine.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.cert.CertificateBootstrap;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.testing.LocalTlsDockerd;
import dev.machine.core.testing.StoreCertificates;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real {@code dockerd --tlsverify} whose certificates our CA issued, and the real docker CLI. */
class DockerTlsClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir static Path stores;
  static AuthOptions auth;
  static AuthOptions otherCa;
  static LocalTlsDockerd dockerd;

  @BeforeAll
  static void startDaemon() {
    auth = StoreCertificates.authOptions(stores.resolve("store"), "dev");
    dockerd = LocalTlsDockerd.start(auth);
    System.out.printf(
        "dockerd (%s) listening on %s after %d ms%n",
        dockerd.storageDriver(), dockerd.url(), dockerd.startupTime().toMillis());
    otherCa = StoreCertificates.authOptions(stores.resolve("other"), "dev");
    new CertificateBootstrap(Progress.SILENT).bootstrap(otherCa);
  }

  @AfterAll
  static void stopDaemon() {
    if (dockerd != null) {
      dockerd.close();
    }
  }

  @Test
  void readsTheVersionTheDockerCliReports() throws Exception {
    Cli cli = docker(auth, "version", "--format", "{{.Server.Version}}");
    assertThat(cli.exit).as(cli.output).isZero();

    String version = new DockerTlsClient(auth).serverVersion(dockerd.url(), TIMEOUT);

    assertThat(version).isNotBlank().isEqualTo(cli.output.trim());
  }

  @Test
  void theDockerCliWorksWithOurCertificatesAndTheDaemonRejectsOthers() throws Exception {
    Cli ok = docker(auth, "version");
    assertThat(ok.exit).as(ok.output).isZero();
    assertThat(ok.output).contains("Server:");

    // A client certificate from another CA, presented while trusting the right CA: the daemon says no.
    Cli rejected = docker(TlsStores.trustingWithClientOf(auth, otherCa), "version");
    assertThat(rejected.exit).isNotZero();
    assertThat(rejected.output).containsIgnoringCase("bad certificate");
  }

  @Test
  void aServerFromAnotherCaIsNotTrusted() {
    assertThatThrownBy(() -> new DockerTlsClient(otherCa).serverVersion(dockerd.url(), TIMEOUT))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "Unable to query docker version: Get \"https://127.0.0.1:" + dockerd.port()
                + "/v1.15/version\": x509: certificate signed by unknown authority");
  }

  @Test
  void aClientCertificateFromAnotherCaIsRejectedByTheDaemon() {
    AuthOptions mixed = TlsStores.trustingWithClientOf(auth, otherCa);

    assertThatThrownBy(() -> new DockerTlsClient(mixed).serverVersion(dockerd.url(), TIMEOUT))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith(
            "Unable to query docker version: Get \"https://127.0.0.1:" + dockerd.port() + "/v1.15/version\": ")
        .hasMessageContaining("remote error: tls: bad certificate");
  }

  @Test
  void aHostNameInTheServerCertificateWorksToo() {
    // The server certificate carries DNS:localhost besides IP:127.0.0.1.
    String version = new DockerTlsClient(auth).serverVersion("tcp://localhost:" + dockerd.port(), TIMEOUT);
    assertThat(version).isNotBlank();
  }

  @Test
  void aRefusedConnectionReadsLikeDockerMachine() throws Exception {
    int port = TlsStores.closedPort();

    assertThatThrownBy(() -> new DockerTlsClient(auth).serverVersion("tcp://127.0.0.1:" + port, TIMEOUT))
        .isInstanceOf(MachineException.class)
        .hasMessage("Unable to query docker version: Cannot connect to the docker engine endpoint");
  }

  @Test
  void aMissingCaFileIsNamed() {
    AuthOptions missing = StoreCertificates.authOptions(stores.resolve("nothing-here"), "dev");

    assertThatThrownBy(() -> new DockerTlsClient(missing).serverVersion(dockerd.url(), TIMEOUT))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "Unable to query docker version: open " + missing.caCertPath() + ": no such file or directory");
  }

  @Test
  void aPeerThatDoesNotSpeakTlsIsReported() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      Thread t =
          new Thread(
              () -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                  out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  Thread.sleep(500);
                } catch (Exception ignored) {
                  // the client hangs up first
                }
              });
      t.start();

      assertThatThrownBy(
              () -> new DockerTlsClient(auth).serverVersion("tcp://127.0.0.1:" + server.getLocalPort(), TIMEOUT))
          .isInstanceOf(MachineException.class)
          .hasMessage(
              "Unable to query docker version: Get \"https://127.0.0.1:" + server.getLocalPort()
                  + "/v1.15/version\": tls: first record does not look like a TLS handshake");
      t.join(5000);
    }
  }

  @Test
  void aSilentPeerTimesOut() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      // Accepted by the kernel's backlog, never answered.
      assertThatThrownBy(
              () ->
                  new DockerTlsClient(auth)
                      .serverVersion("tcp://127.0.0.1:" + server.getLocalPort(), Duration.ofMillis(300)))
          .isInstanceOf(MachineException.class)
          .hasMessage(
              "Unable to query docker version: Get \"https://127.0.0.1:" + server.getLocalPort()
                  + "/v1.15/version\": read tcp 127.0.0.1:" + server.getLocalPort() + ": i/o timeout");
    }
  }

  @Test
  void aStoppedMachineReadsHostIsNotRunning() {
    var host = UrlDriver.host("dev", stores, null, auth);

    assertThatThrownBy(() -> DockerTlsClient.serverVersion(host, TIMEOUT))
        .isInstanceOf(MachineException.class)
        .hasMessage("Unable to query docker version: Host is not running");
  }

  @Test
  void aRunningMachineReportsItsVersion() {
    var host = UrlDriver.host("dev", stores, dockerd.url(), auth);

    assertThat(DockerTlsClient.serverVersion(host, TIMEOUT))
        .isEqualTo(new DockerTlsClient(auth).serverVersion(dockerd.url(), TIMEOUT));
  }

  @Test
  void oneClientServesManyThreadsAtOnce() throws Exception {
    DockerTlsClient client = new DockerTlsClient(auth);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      long t0 = System.nanoTime();
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> client.serverVersion(dockerd.url(), TIMEOUT)));
      }
      String first = answers.get(0).get(60, TimeUnit.SECONDS);
      for (Future<String> f : answers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(first);
      }
      System.out.printf("16 version queries on 8 threads: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    } finally {
      pool.shutdownNow();
    }
  }

  record Cli(int exit, String output) {}

  /** Runs the real docker CLI against the daemon with {@code tls}'s certificates. */
  static Cli docker(AuthOptions tls, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(dockerd.dockerTlsArgs(tls));
    cmd.addAll(List.of(args));
    Path home = Files.createTempDirectory(stores, "docker-config");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DOCKER_CONFIG", home.toString()); // no user config or contexts
    pb.environment().remove("DOCKER_HOST");
    pb.environment().remove("DOCKER_CONTEXT");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("docker CLI hung: " + out);
    }
    return new Cli(p.exitValue(), out);
  }
}
