package dev.machine.core.testing;

import dev.machine.core.Progress;
import dev.machine.core.cert.CertificateBootstrap;
import dev.machine.core.cert.ServerCertificates;
import dev.machine.core.host.AuthOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Docker daemon on 127.0.0.1 that requires mutual TLS ({@code --tlsverify}), for tests.
 * Each instance has its own data root, exec root, pid file and unix socket in a fresh directory
 * under /tmp (short, since unix socket paths are limited), so parallel test JVMs never share a
 * daemon. Close it to stop the daemon (by PID) and delete its directories.
 *
 * <pre>{@code
 * AuthOptions auth = StoreCertificates.authOptions(store, "dev");
 * try (LocalTlsDockerd dockerd = LocalTlsDockerd.start(auth)) {
 *   new DockerTlsClient(auth).serverVersion(dockerd.url(), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * Needs {@code dockerd}, {@code containerd} and {@code runc} (Debian: {@code docker.io containerd
 * runc}) and root. Fails loudly, with dockerd's log, when the daemon cannot start.
 */
public final class LocalTlsDockerd implements AutoCloseable {
  /** The address the daemon listens on. */
  public static final String HOST = "127.0.0.1";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path workDir;
  private final Process process;
  private final int port;
  private final Duration startupTime;
  private final String storageDriver;
  /** Stops the daemon if the test JVM exits without closing it, so no dockerd outlives its tests. */
  private final Thread exitHook;
  private boolean closed;

  private LocalTlsDockerd(Path workDir, Process process, int port, Duration startupTime, String storageDriver) {
    this.workDir = workDir;
    this.process = process;
    this.port = port;
    this.startupTime = startupTime;
    this.storageDriver = storageDriver;
    this.exitHook = new Thread(this::stopAndClean, "stop-dockerd-" + process.pid());
    Runtime.getRuntime().addShutdownHook(exitHook);
  }

  /** Whether {@code dockerd} is on the PATH. */
  public static boolean isInstalled() {
    return executable("dockerd") != null;
  }

  /**
   * Makes sure {@code auth}'s CA and client certificate exist (bootstrap), issues a server
   * certificate for {@code 127.0.0.1} and {@code localhost} at {@code auth}'s server paths, and
   * starts a daemon with it.
   */
  public static LocalTlsDockerd start(AuthOptions auth) {
    try {
      new CertificateBootstrap(Progress.SILENT).bootstrap(auth);
      Files.createDirectories(Path.of(auth.serverCertPath()).getParent());
      new ServerCertificates().generate(auth, "local", List.of(HOST, "localhost"), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return start(Path.of(auth.caCertPath()), Path.of(auth.serverCertPath()), Path.of(auth.serverKeyPath()));
  }

  /** Starts a daemon that serves {@code serverCert} and accepts clients whose certificate {@code caCert} signed. */
  public static LocalTlsDockerd start(Path caCert, Path serverCert, Path serverKey) {
    if (!isInstalled()) {
      throw new IllegalStateException(
          "dockerd is not installed: apt-get install -y --no-install-recommends docker.io containerd runc");
    }
    List<String> failures = new ArrayList<>();
    // overlay2 first (what users run); vfs when the file system cannot host overlay2.
    for (String driver : List.of("overlay2", "vfs")) {
      for (int attempt = 0; attempt < 3; attempt++) {
        Path dir;
        try {
          dir = Files.createTempDirectory(Path.of("/tmp"), "mdk");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        Attempt result = tryStart(dir, caCert, serverCert, serverKey, driver);
        if (result.daemon != null) {
          return result.daemon;
        }
        failures.add(driver + ": " + result.log);
        deleteTree(dir);
        if (!result.log.contains("address already in use")) {
          break; // not a port race: retrying with this driver will not help
        }
      }
    }
    throw new IllegalStateException("dockerd did not start:\n" + String.join("\n----\n", failures));
  }

  private record Attempt(LocalTlsDockerd daemon, String log) {}

  private static Attempt tryStart(Path dir, Path caCert, Path serverCert, Path serverKey, String driver) {
    int port = freePort();
    Path log = dir.resolve("dockerd.log");
    List<String> command =
        List.of(
            executable("dockerd").toString(),
            "--data-root", dir.resolve("data").toString(),
            "--exec-root", dir.resolve("exec").toString(),
            "--pidfile", dir.resolve("dockerd.pid").toString(),
            "-H", "unix://" + dir.resolve("d.sock"),
            "-H", "tcp://" + HOST + ":" + port,
            "--tlsverify",
            "--tlscacert", caCert.toAbsolutePath().toString(),
            "--tlscert", serverCert.toAbsolutePath().toString(),
            "--tlskey", serverKey.toAbsolutePath().toString(),
            "--iptables=false",
            "--ip-masq=false",
            "--bridge=none",
            "--storage-driver=" + driver);
    long t0 = System.nanoTime();
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = t0 + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return new Attempt(null, "exit " + process.exitValue() + "\n" + tail(log));
      }
      if (listening(port)) {
        Duration startup = Duration.ofNanos(System.nanoTime() - t0);
        return new Attempt(new LocalTlsDockerd(dir, process, port, startup, driver), "");
      }
      sleep(25);
    }
    LocalTlsDockerd stuck = new LocalTlsDockerd(dir, process, port, Duration.ZERO, driver);
    String text = tail(log);
    stuck.close();
    return new Attempt(null, "not listening on port " + port + " after " + START_TIMEOUT + "\n" + text);
  }

  /** The daemon's TLS port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** {@code tcp://127.0.0.1:<port>}. */
  public String url() {
    return "tcp://" + HOST + ":" + port;
  }

  /** The daemon's unix socket (no TLS there): {@code unix://...} for {@code docker -H}. */
  public String unixSocketUrl() {
    return "unix://" + workDir.resolve("d.sock");
  }

  public long pid() {
    return process.pid();
  }

  /** From launching dockerd to its TLS port accepting connections. */
  public Duration startupTime() {
    return startupTime;
  }

  public String storageDriver() {
    return storageDriver;
  }

  /** The daemon's combined output so far. */
  public String log() {
    return tail(workDir.resolve("dockerd.log"));
  }

  /**
   * Arguments for the real {@code docker} CLI to talk to this daemon with {@code auth}'s client
   * certificate: {@code --tlsverify --tlscacert C --tlscert C --tlskey K -H tcp://127.0.0.1:P}.
   */
  public List<String> dockerTlsArgs(AuthOptions auth) {
    return List.of(
        "--tlsverify",
        "--tlscacert", auth.caCertPath(),
        "--tlscert", auth.clientCertPath(),
        "--tlskey", auth.clientKeyPath(),
        "-H", url());
  }

  /** Stops the daemon (SIGTERM, then SIGKILL after 30 s, its children too) and deletes its directories. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // The JVM is exiting: the hook is running or will run, and does the same.
    }
    stopAndClean();
  }

  private synchronized void stopAndClean() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    deleteTree(workDir);
  }

  private void stop() {
    // Children (containerd) are collected first: once dockerd is gone they are no longer ours to find.
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : children) {
        if (child.isAlive()) {
          child.destroy();
          child.onExit().get(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      children.forEach(ProcessHandle::destroyForcibly);
    }
    unmountUnder(workDir);
  }

  /** dockerd bind-mounts its data root; after a forced stop that mount may remain. */
  private static void unmountUnder(Path dir) {
    List<String> mounts = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/mounts"), StandardCharsets.UTF_8)) {
        String[] f = line.split(" ");
        if (f.length > 1 && f[1].startsWith(dir.toString() + "/")) {
          mounts.add(f[1]);
        }
      }
    } catch (IOException e) {
      return;
    }
    mounts.sort(Comparator.reverseOrder()); // deepest first
    for (String m : mounts) {
      try {
        new ProcessBuilder("umount", "-l", m).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        // Leave it: the directory then stays behind, which is visible but harmless.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(HOST, 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path executable(String name) {
    String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    List<String> dirs = new ArrayList<>(List.of(path.split(":")));
    dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin"));
    for (String d : dirs) {
      Path p = Path.of(d.isEmpty() ? "." : d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting dockerd", e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a leftover directory under /tmp is harmless.
    }
  }
}
