package dev.machine.core.ssh;

import dev.machine.core.MachineException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * Waits until a machine answers {@code exit 0} over SSH (Docker Machine's {@code WaitForSSH}) and
 * hands back the open connection, so the provisioning that follows reuses it.
 */
public final class SshWait {
  /** Docker Machine's {@code mcnutils.WaitFor}: 60 attempts, 3 s apart. */
  public static final int DEFAULT_ATTEMPTS = 60;

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);
  /** The TCP connect timeout of each attempt (external ssh's {@code ConnectTimeout=10}). */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How the wait pauses between attempts (a seam for tests). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** How one attempt connects (a seam for tests). */
  @FunctionalInterface
  interface Opener {
    SshConnection open(SshTarget target, Duration connectTimeout, SshEnvironment env);
  }

  private final int attempts;
  private final Duration interval;
  private final Duration connectTimeout;
  private final Sleeper sleeper;
  private final Opener opener;

  /** Docker Machine's 60 × 3 s. */
  public SshWait() {
    this(DEFAULT_ATTEMPTS, DEFAULT_INTERVAL, DEFAULT_CONNECT_TIMEOUT);
  }

  public SshWait(int attempts, Duration interval, Duration connectTimeout) {
    this(attempts, interval, connectTimeout, d -> Thread.sleep(d.toMillis()));
  }

  /** As above, with a custom pause between attempts. */
  public SshWait(int attempts, Duration interval, Duration connectTimeout, Sleeper sleeper) {
    this(attempts, interval, connectTimeout, sleeper, SshConnection::open);
  }

  SshWait(int attempts, Duration interval, Duration connectTimeout, Sleeper sleeper, Opener opener) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.attempts = attempts;
    this.interval = Objects.requireNonNull(interval);
    this.connectTimeout = Objects.requireNonNull(connectTimeout);
    this.sleeper = Objects.requireNonNull(sleeper);
    this.opener = opener;
  }

  /** {@link #waitFor(SshTarget, SshEnvironment)} with the user's own agent and keys. */
  public SshConnection waitFor(SshTarget target) {
    return waitFor(target, SshEnvironment.system());
  }

  /**
   * Connects and runs {@code exit 0}, retrying refused and timed-out connections and failed
   * handshakes. A rejected login, an unreadable key file and a changed host key fail at once:
   * waiting cannot fix them (Docker Machine retried a wrong key for 3 minutes).
   *
   * @return the open connection; the caller closes it
   * @throws MachineException {@code Too many retries waiting for SSH to be available.  Last error:
   *     <the last attempt's error>} when every attempt failed
   */
  public SshConnection waitFor(SshTarget target, SshEnvironment env) {
    String lastError = "";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      SshConnection connection = null;
      try {
        connection = opener.open(target, connectTimeout, env);
        CommandResult result = connection.run("exit 0");
        if (result.ok()) {
          return connection;
        }
        lastError = "exit 0 returned exit status " + result.exitCode();
        connection.close();
      } catch (SshException e) {
        if (connection != null) {
          connection.close();
        }
        if (!isTransient(e.reason())) {
          throw e;
        }
        lastError = e.getMessage();
      }
      LoggerFactory.getLogger(SshWait.class)
          .debug("SSH to {} not available (attempt {}/{}): {}", target.display(), attempt, attempts, lastError);
      if (attempt < attempts) {
        try {
          sleeper.sleep(interval);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MachineException("Interrupted while waiting for SSH to be available", e);
        }
      }
    }
    // Two spaces, as Docker Machine prints it; the cause is the real last error (as rancher's).
    throw new MachineException(
        "Too many retries waiting for SSH to be available.  Last error: " + lastError);
  }

  /** Whether waiting may fix a failure of this kind (a host that is down or still booting). */
  public static boolean isTransient(SshException.Reason reason) {
    return switch (reason) {
      case CONNECT, TRANSPORT, COMMAND -> true;
      case AUTH, KEY_FILE, HOST_KEY_CHANGED -> false;
    };
  }
}
