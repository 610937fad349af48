package dev.machine.core.list;

import java.math.BigDecimal;
import java.time.Duration;

/** Go's {@code time.Duration.String()} ({@code 3ms}, {@code 1.5s}, {@code 2m0s}), for the RESPONSE column. */
final class GoDuration {
  private GoDuration() {}

  static String format(Duration d) {
    if (d == null) {
      return "0s";
    }
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    nanos = Math.abs(nanos);
    if (nanos < 1_000) {
      return sign + nanos + "ns";
    }
    if (nanos < 1_000_000) {
      return sign + decimal(nanos, 3) + "µs";
    }
    if (nanos < 1_000_000_000) {
      return sign + decimal(nanos, 6) + "ms";
    }
    long hours = nanos / 3_600_000_000_000L;
    long rest = nanos % 3_600_000_000_000L;
    long minutes = rest / 60_000_000_000L;
    rest %= 60_000_000_000L;
    StringBuilder out = new StringBuilder(sign);
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(decimal(rest, 9)).append('s').toString();
  }

  private static String decimal(long value, int scale) {
    return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
  }
}
