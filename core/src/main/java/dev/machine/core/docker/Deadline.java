package dev.machine.core.docker;

import java.time.Duration;

/** A point in time by which a network exchange must be over. */
final class Deadline {
  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  /** Milliseconds left, at least 1 (0 would mean "no timeout" to the socket API). */
  int remainingMillis() {
    long ms = (endNanos - System.nanoTime()) / 1_000_000L;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
  }
}
