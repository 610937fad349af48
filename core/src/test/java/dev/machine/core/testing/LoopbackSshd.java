package dev.machine.core.testing;

import dev.machine.core.ssh.SshTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 for tests: its own host key, config, authorized_keys and pid
 * file in a temporary directory; logins as the current user only (root: {@code PermitRootLogin
 * yes}). Never point provisioning at it: it is this machine.
 *
 * <p>Needs {@code openssh-server} ({@code /usr/sbin/sshd}) and {@code openssh-client} ({@code
 * ssh-keygen}). Stopped by PID in {@link #close()}.
 */
public final class LoopbackSshd implements AutoCloseable {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Path dir;
  private final int port;
  private final boolean sftp;
  private final Path clientKey;
  private Path hostKey;
  private int hostKeyGeneration;
  private Process process;

  private LoopbackSshd(Path dir, boolean sftp) {
    this.dir = dir;
    this.sftp = sftp;
    this.port = freePort();
    this.clientKey = dir.resolve("client_key");
  }

  /** Prepares (host key, client key, config) without starting: {@link #start()} later. */
  public static LoopbackSshd prepare(Path dir) {
    return prepare(dir, true);
  }

  /** As {@link #prepare(Path)}; {@code sftp=false} leaves out the SFTP subsystem. */
  public static LoopbackSshd prepare(Path dir, boolean sftp) {
    if (!Files.isExecutable(SSHD)) {
      throw new IllegalStateException(
          SSHD + " is missing: install openssh-server (see testbed.md) to run the SSH tests");
    }
    LoopbackSshd sshd = new LoopbackSshd(dir, sftp);
    sshd.newHostKey();
    exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test-client", "-f", sshd.clientKey.toString());
    sshd.authorize(dir.resolve("client_key.pub"));
    return sshd;
  }

  /** Prepares and starts a server in {@code dir}. */
  public static LoopbackSshd start(Path dir) {
    LoopbackSshd sshd = prepare(dir);
    sshd.start();
    return sshd;
  }

  /** Starts sshd and waits until it listens. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("sshd already running");
    }
    try {
      Files.createDirectories(Path.of("/run/sshd")); // privilege separation dir, no systemd here
    } catch (IOException e) {
      // Not root: sshd then runs without privilege separation checks on this directory.
    }
    Path config = writeConfig();
    Path log = log();
    String marker = "Server listening on 127.0.0.1 port " + port;
    long seenBefore = countLines(marker);
    try {
      process =
          new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (countLines(marker) == seenBefore) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException("sshd did not start:\n" + readLog());
      }
      sleep(20);
    }
  }

  /** Stops sshd (and the per-connection processes it forked), by PID. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
    process = null;
  }

  /** Stops, replaces the host key with a new one, and starts again on the same port. */
  public synchronized void restartWithNewHostKey() {
    stop();
    newHostKey();
    start();
  }

  @Override
  public void close() {
    stop();
  }

  /** Appends the public key file's content to the server's authorized_keys. */
  public void authorize(Path publicKeyFile) {
    try {
      Files.write(
          authorizedKeys(),
          Files.readAllBytes(publicKeyFile),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** The login user (the user running the tests). */
  public String user() {
    return System.getProperty("user.name");
  }

  /** An ed25519 private key (no passphrase) the server accepts. */
  public Path clientKey() {
    return clientKey;
  }

  /** The server's current host public key file ({@code ssh-ed25519 AAAA...}). */
  public Path hostPublicKey() {
    return hostKey.resolveSibling(hostKey.getFileName() + ".pub");
  }

  /** A target for this server with {@link #clientKey()}; {@code knownHosts} may be null. */
  public SshTarget target(Path knownHosts) {
    return new SshTarget("127.0.0.1", port, user(), clientKey.toString(), knownHosts);
  }

  /** Successful logins so far (sshd's "Accepted publickey" log lines), i.e. TCP connections. */
  public long acceptedLogins() {
    return countLines("Accepted publickey for ");
  }

  /** sshd's log so far. */
  public String readLog() {
    try {
      return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void newHostKey() {
    hostKeyGeneration++;
    hostKey = dir.resolve("host_key_" + hostKeyGeneration);
    exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
  }

  private Path writeConfig() {
    List<String> lines = new ArrayList<>(List.of(
        "Port " + port,
        "ListenAddress 127.0.0.1",
        "HostKey " + hostKey,
        "PidFile " + dir.resolve("sshd.pid"),
        "AuthorizedKeysFile " + authorizedKeys(),
        "UsePAM no",
        "StrictModes no",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PermitRootLogin " + (user().equals("root") ? "yes" : "no"),
        "AllowUsers " + user(),
        "MaxSessions 50",
        "LogLevel INFO"));
    if (sftp) {
      lines.add("Subsystem sftp internal-sftp");
    }
    Path config = dir.resolve("sshd_config");
    try {
      Files.write(config, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    exec(SSHD.toString(), "-t", "-f", config.toString());
    return config;
  }

  private Path authorizedKeys() {
    return dir.resolve("authorized_keys");
  }

  private Path log() {
    return dir.resolve("sshd.log");
  }

  private long countLines(String fragment) {
    return readLog().lines().filter(line -> line.contains(fragment)).count();
  }

  private static void exec(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
