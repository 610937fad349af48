package dev.machine.core.docker;

/**
 * A failure to set up or complete a TLS connection, already worded like Go's error (the text
 * Docker Machine users see inside its messages).
 */
final class TlsFailure extends RuntimeException {
  /** Whether the TCP connection itself was refused (Docker Machine words that one specially). */
  private final boolean connectionRefused;

  TlsFailure(String goText) {
    this(goText, false, null);
  }

  TlsFailure(String goText, boolean connectionRefused, Throwable cause) {
    super(goText, cause);
    this.connectionRefused = connectionRefused;
  }

  boolean connectionRefused() {
    return connectionRefused;
  }
}
