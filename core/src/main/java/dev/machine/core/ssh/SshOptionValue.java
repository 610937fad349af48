package dev.machine.core.ssh;

import java.util.regex.Pattern;

/**
 * A file path as the value of an OpenSSH {@code -o Option=value}, written so that ssh's config
 * parser reads it back as one path: it splits values on whitespace (UserKnownHostsFile takes a
 * list), honours double quotes with backslash escapes inside them, and expands {@code %} tokens.
 */
final class SshOptionValue {
  private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s\"'\\\\]");

  private SshOptionValue() {}

  /** {@code path} as is when ssh would read it so, else in double quotes; {@code %} always doubled. */
  static String of(String path) {
    String literal = path.replace("%", "%%");
    return NEEDS_QUOTES.matcher(literal).find() ? inQuotes(literal) : literal;
  }

  /** {@code path} always in double quotes ({@code IdentityFile="..."}, as Docker Machine wrote it). */
  static String quoted(String path) {
    return inQuotes(path.replace("%", "%%"));
  }

  private static String inQuotes(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
