package dev.machine.core.golang;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's strconv float formatting ('e', 'f', 'g', shortest or with a precision), with exact
 * round-half-even on the binary value as Go does (Java's Formatter rounds differently).
 */
public final class GoFloats {
  private GoFloats() {}

  /** Decimal digits d1d2…dn and point position: value = 0.d1d2…dn × 10^dp. */
  private record Digits(String digits, int dp) {}

  /** strconv.FormatFloat(v, verb, prec, 64 or 32); verb is one of e E f F g G; prec -1 = shortest. */
  public static String format(double v, char verb, int prec, boolean isFloat32) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    double abs = Math.abs(v);
    String body =
        switch (verb) {
          case 'e', 'E' -> formatE(abs, prec, verb, isFloat32);
          case 'f', 'F' -> formatF(abs, prec, isFloat32);
          default -> formatG(abs, prec, verb == 'G' ? 'E' : 'e', isFloat32);
        };
    return negative ? "-" + body : body;
  }

  private static String formatE(double abs, int prec, char e, boolean isFloat32) {
    Digits d = prec < 0 ? shortest(abs, isFloat32) : rounded(abs, prec + 1);
    int p = prec < 0 ? Math.max(d.digits().length() - 1, 0) : prec;
    return fmtE(d, p, e);
  }

  private static String formatF(double abs, int prec, boolean isFloat32) {
    if (prec < 0) {
      Digits d = shortest(abs, isFloat32);
      return fmtF(d, Math.max(d.digits().length() - d.dp(), 0));
    }
    return new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String formatG(double abs, int prec, char e, boolean isFloat32) {
    boolean shortest = prec < 0;
    Digits d;
    if (shortest) {
      d = shortest(abs, isFloat32);
      prec = d.digits().length();
    } else {
      if (prec == 0) {
        prec = 1;
      }
      d = trimZeros(rounded(abs, prec));
    }
    int nd = abs == 0 ? 0 : d.digits().length();
    int eprec = prec;
    if (eprec > nd && nd >= d.dp()) {
      eprec = nd;
    }
    if (shortest) {
      eprec = 6;
    }
    int exp = d.dp() - 1;
    if (exp < -4 || exp >= eprec) {
      if (prec > nd) {
        prec = nd;
      }
      return fmtE(d, Math.max(prec - 1, 0), e);
    }
    if (prec > d.dp()) {
      prec = nd;
    }
    return fmtF(d, Math.max(prec - d.dp(), 0));
  }

  /** The shortest digits that read back as the same value. */
  private static Digits shortest(double abs, boolean isFloat32) {
    if (abs == 0) {
      return new Digits("0", 1);
    }
    BigDecimal exact = new BigDecimal(abs);
    for (int p = 1; p < 17; p++) {
      BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      boolean same =
          isFloat32 ? candidate.floatValue() == (float) abs : candidate.doubleValue() == abs;
      if (same) {
        return toDigits(candidate);
      }
    }
    return toDigits(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  /** Exactly {@code n} significant digits, correctly rounded. */
  private static Digits rounded(double abs, int n) {
    if (abs == 0) {
      return new Digits("0".repeat(n), 1);
    }
    BigDecimal r = new BigDecimal(abs).round(new MathContext(n, RoundingMode.HALF_EVEN));
    String digits = r.unscaledValue().toString();
    int dp = digits.length() - r.scale();
    if (digits.length() < n) {
      digits = digits + "0".repeat(n - digits.length());
    } else if (digits.length() > n) {
      digits = digits.substring(0, n);
    }
    return new Digits(digits, dp);
  }

  private static Digits toDigits(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    String digits = s.unscaledValue().toString();
    return new Digits(digits, digits.length() - s.scale());
  }

  private static Digits trimZeros(Digits d) {
    String digits = d.digits();
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return new Digits(digits.substring(0, end), d.dp());
  }

  /** -d.dddde±dd */
  private static String fmtE(Digits d, int prec, char e) {
    String digits = d.digits();
    boolean zero = digits.chars().allMatch(c -> c == '0');
    StringBuilder b = new StringBuilder();
    b.append(digits.charAt(0));
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        b.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    }
    int exp = zero ? 0 : d.dp() - 1;
    b.append(e).append(exp < 0 ? '-' : '+');
    int absExp = Math.abs(exp);
    if (absExp < 10) {
      b.append('0');
    }
    return b.append(absExp).toString();
  }

  /** -ddd.dddd */
  private static String fmtF(Digits d, int prec) {
    String digits = d.digits();
    boolean zero = digits.chars().allMatch(c -> c == '0');
    int dp = zero ? 1 : d.dp();
    StringBuilder b = new StringBuilder();
    if (dp > 0) {
      for (int i = 0; i < dp; i++) {
        b.append(i < digits.length() && !zero ? digits.charAt(i) : '0');
      }
    } else {
      b.append('0');
    }
    if (prec > 0) {
      b.append('.');
      for (int i = 0; i < prec; i++) {
        int j = dp + i;
        b.append(j >= 0 && j < digits.length() && !zero ? digits.charAt(j) : '0');
      }
    }
    return b.toString();
  }
}
