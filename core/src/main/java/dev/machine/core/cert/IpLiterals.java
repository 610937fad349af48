package dev.machine.core.cert;

import java.util.regex.Pattern;

/**
 * Recognises IP address literals without name resolution (Go's {@code net.ParseIP}): dotted
 * IPv4 and IPv6, the latter optionally in brackets.
 */
public final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
  private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:.]+$");

  private IpLiterals() {}

  /** True for {@code 10.0.0.5}, {@code ::1}, {@code [fe80::1]}; false for host names. */
  public static boolean isIpLiteral(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    String v = strip(s);
    if (IPV4.matcher(v).matches()) {
      return true;
    }
    if (!v.contains(":") || !IPV6_CHARS.matcher(v).matches()) {
      return false;
    }
    try {
      // Only reached for strings of hex digits, colons and dots: never does a DNS lookup.
      java.net.InetAddress.getByName(v);
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** {@code [::1]} → {@code ::1}. */
  public static String strip(String s) {
    return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
  }
}
