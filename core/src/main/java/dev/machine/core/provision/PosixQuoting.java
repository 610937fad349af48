package dev.machine.core.provision;

import java.util.regex.Pattern;

/** POSIX shell quoting for values that reach a remote shell. */
final class PosixQuoting {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private PosixQuoting() {}

  /** {@code value} as one shell word: unchanged when it holds only safe characters, else single-quoted. */
  static String quote(String value) {
    if (SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }
}
