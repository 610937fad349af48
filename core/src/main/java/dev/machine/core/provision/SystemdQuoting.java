package dev.machine.core.provision;

import java.util.regex.Pattern;

/**
 * Quoting for values written into systemd unit files. systemd splits {@code ExecStart=} into words
 * itself (no shell), expands {@code $VAR} and {@code %} specifiers, and understands C escapes in
 * double quotes; a value quoted here reaches the program as one literal argument.
 */
public final class SystemdQuoting {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@+=:,./-]+");

  private SystemdQuoting() {}

  /** One word of an {@code Exec*=} line: bare when it holds only safe characters, else double-quoted. */
  public static String execWord(String value) {
    if (SAFE.matcher(value).matches()) {
      return value;
    }
    return "\"" + escape(value, true) + "\"";
  }

  /** One {@code Environment=} assignment, always double-quoted (as Docker Machine's {@code %q}). */
  public static String environment(String assignment) {
    // Environment= does not expand $VAR, so '$' stays as it is; specifiers (%) are expanded.
    return "\"" + escape(assignment, false) + "\"";
  }

  private static String escape(String value, boolean dollar) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '%' -> out.append("%%");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '$' -> out.append(dollar ? "$$" : "$");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
