package dev.machine.core.ssh;

import dev.machine.core.MachineException;

/** An SSH failure with a one-line message naming the target and the cause. */
public class SshException extends MachineException {
  /** What went wrong; {@link SshWait} retries only {@link #CONNECT}, {@link #TRANSPORT} and {@link #COMMAND}. */
  public enum Reason {
    /** TCP connection refused, timed out, unreachable or unknown host. */
    CONNECT,
    /** Key exchange or transport failure (incl. the connection dropping later). */
    TRANSPORT,
    /** The pinned host key does not match the server's. */
    HOST_KEY_CHANGED,
    /** The server accepted none of our keys. */
    AUTH,
    /** A local key file is missing or unreadable. */
    KEY_FILE,
    /** A remote command or upload failed. */
    COMMAND
  }

  private final Reason reason;

  public SshException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SshException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
