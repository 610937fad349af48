package dev.machine.core.ssh;

/**
 * Quoting for POSIX shells. Every value that goes into a remote command line (paths, names,
 * user-supplied options) must pass through {@link #quote(String)} so that the remote shell sees it
 * as one literal word, whatever characters it contains.
 */
public final class ShellQuote {
  private ShellQuote() {}

  /**
   * Returns {@code value} as one literal POSIX shell word: wrapped in single quotes, with every
   * {@code '} written as {@code '\''}. Safe for any input, including the empty string, newlines,
   * {@code $()}, backquotes and globs.
   */
  public static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
