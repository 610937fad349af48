package dev.machine.it.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * moto's EC2 emulator, started inside the sealed network namespace this JVM runs in (see
 * {@code src/test/sealed-netns/bin/java}). Tests skip, saying why, when the JVM is not sealed
 * or moto is not installed; they fail if the namespace has any route out.
 */
final class MotoEmulator implements AutoCloseable {
  /** Marks the requests of the checking client, which {@link ApiCallCounter} does not count. */
  static final String CHECK_AGENT = "moto-check";

  private final Process process;
  private final int port;
  private final Path log;
  private Ec2Client check;

  private MotoEmulator(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Skips the test class, and says why in the build's output, not only in its report files. */
  private static void skipUnless(boolean condition, String why) {
    if (!condition) {
      System.err.println(why);
    }
    assumeTrue(condition, why);
  }

  static MotoEmulator start() throws Exception {
    String netns = System.getProperty("machine.sealed.netns");
    skipUnless(
        netns != null,
        "EC2 emulator tests skipped: this JVM is not in a sealed network namespace (run them through failsafe's"
            + " amazonec2-sealed execution, as root)");
    assertSealed();
    skipUnless(motoInstalled(), "EC2 emulator tests skipped: moto is not installed (python3 -c 'import moto' fails)");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("moto-", ".log");
    Process p =
        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    MotoEmulator moto = new MotoEmulator(p, port, log);
    moto.awaitReady();
    return moto;
  }

  /** Only loopback, and no IPv4 or IPv6 route other than loopback's. */
  private static void assertSealed() throws IOException {
    List<String> interfaces =
        Files.readAllLines(Path.of("/proc/self/net/dev")).stream()
            .skip(2)
            .map(l -> l.trim().split(":")[0])
            .toList();
    assertThat(interfaces).as("network interfaces of the sealed namespace").containsExactly("lo");
    assertThat(Files.readAllLines(Path.of("/proc/self/net/route"))).as("IPv4 routes").hasSize(1);
  }

  private static boolean motoInstalled() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import moto").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("moto_server did not listen on port " + port);
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Wipes every resource (POST /moto-api/reset). */
  void reset() throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/moto-api/reset").toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.getOutputStream().close();
    assertThat(c.getResponseCode()).isEqualTo(200);
    c.disconnect();
  }

  /**
   * The tests' own client for us-east-1 (not counted by {@link ApiCallCounter}), made once and
   * closed by {@link #close()}.
   */
  Ec2Client check() {
    if (check == null) {
      check = checkingClient("us-east-1");
    }
    return check;
  }

  /** A new client for the tests' own checks in {@code region}, not counted by {@link ApiCallCounter}. */
  Ec2Client checkingClient(String region) {
    return Ec2Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(URI.create(endpoint()))
        .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, CHECK_AGENT))
        .build();
  }

  @Override
  public void close() throws Exception {
    if (check != null) {
      check.close();
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    Files.deleteIfExists(log);
  }
}
