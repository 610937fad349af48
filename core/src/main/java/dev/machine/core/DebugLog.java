package dev.machine.core;

import org.slf4j.LoggerFactory;

/**
 * Debug lines ({@code -D}) through SLF4J, for code on the path of every command ({@code ls},
 * {@code env}, the store). Without debug, SLF4J is not even initialised: its classes stay off the
 * start-up path, which a logger field would not allow (a field is created with its class).
 */
public final class DebugLog {
  /** The system property a front end sets to {@code true} to turn debug output on. */
  public static final String PROPERTY = "machine.debug";

  private DebugLog() {}

  /** Whether debug output is on; check it before building costly arguments. */
  public static boolean enabled() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** Milliseconds since {@code startNanos} (a {@link System#nanoTime()}), for the timings debug lines give. */
  public static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Logs an SLF4J-formatted ({@code {}}) debug line under {@code source}'s logger, when debug is on. */
  public static void debug(Class<?> source, String format, Object... args) {
    if (enabled()) {
      LoggerFactory.getLogger(source).debug(format, args);
    }
  }
}
