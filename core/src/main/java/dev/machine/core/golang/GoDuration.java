package dev.machine.core.golang;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.Duration.String()}: {@code 100ns}, {@code 1.5µs}, {@code 3ms}, {@code 1.5s},
 * {@code 2m0s}, {@code 72h3m0.5s}, {@code 0s}, for {@code ls}'s RESPONSE column and templates.
 */
public final class GoDuration {
  private GoDuration() {}

  /** {@code d.String()}; a duration beyond Go's int64 nanoseconds prints as Java's ISO form. */
  public static String format(Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      return d.toString();
    }
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    nanos = Math.abs(nanos);
    // Under a second: the largest unit that keeps a leading non-zero digit.
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

  /** {@code value / 10^scale} without trailing zeros (nor a bare point). */
  private static String decimal(long value, int scale) {
    return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
  }
}
