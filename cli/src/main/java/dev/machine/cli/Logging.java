package dev.machine.cli;

import dev.machine.core.DebugLog;

/**
 * Logging costs start-up time (Logback ~150 ms), so it exists only with {@code -D}/{@code MACHINE_DEBUG}:
 * otherwise SLF4J is bound to its no-op provider and Logback's classes are never loaded. With debug,
 * Logback is configured from code ({@link StderrLogConfigurator}) to write to stderr, leaving stdout
 * to the command.
 */
final class Logging {
  private static final String PROVIDER = "slf4j.provider";

  private Logging() {}

  static void configure(boolean debug) {
    System.setProperty("slf4j.internal.verbosity", "WARN");
    if (System.getProperty(PROVIDER) != null) {
      return;
    }
    System.setProperty(
        PROVIDER,
        debug ? "ch.qos.logback.classic.spi.LogbackServiceProvider" : "org.slf4j.helpers.NOP_FallbackServiceProvider");
    if (debug) {
      System.setProperty(DebugLog.PROPERTY, "true");
    }
  }

  /** With debug on, the stack trace of an unexpected error goes to stderr. */
  static void debugTrace(Throwable t) {
    if (DebugLog.enabled()) {
      t.printStackTrace();
    }
  }
}
