package dev.machine.core.template;

import java.time.Duration;

/** Go's time.Duration.String(): "72h3m0.5s", "1.5s", "3ms", "0s". */
final class GoDuration {
  private GoDuration() {}

  static String format(Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      return d.toString();
    }
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    long u = Math.abs(nanos);
    String body;
    if (u < 1_000_000_000L) {
      // Sub-second: the largest unit that keeps a leading non-zero digit.
      if (u < 1_000L) {
        body = u + "ns";
      } else if (u < 1_000_000L) {
        body = fraction(u, 3) + "µs";
      } else {
        body = fraction(u, 6) + "ms";
      }
    } else {
      StringBuilder b = new StringBuilder();
      long seconds = u / 1_000_000_000L;
      long frac = u % 1_000_000_000L;
      long hours = seconds / 3600;
      long minutes = seconds / 60 % 60;
      if (hours > 0) {
        b.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        b.append(minutes).append('m');
      }
      b.append(fraction(seconds % 60 * 1_000_000_000L + frac, 9)).append('s');
      body = b.toString();
    }
    return negative ? "-" + body : body;
  }

  /** v / 10^digits, with the fraction's trailing zeros (and a bare point) removed. */
  private static String fraction(long v, int digits) {
    long scale = (long) Math.pow(10, digits);
    long whole = v / scale;
    String frac = String.format("%0" + digits + "d", v % scale).replaceAll("0+$", "");
    return frac.isEmpty() ? Long.toString(whole) : whole + "." + frac;
  }
}
