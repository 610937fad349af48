package dev.machine.core.template;

import dev.machine.core.golang.GoDuration;
import dev.machine.core.golang.GoFloats;
import dev.machine.core.golang.GoQuote;
import dev.machine.core.template.GoValues.NilPointer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Go's fmt package for template values: {@code Sprint}, {@code Sprintln}, {@code Sprintf} and the
 * default {@code %v} rendering ({@code [a b]}, {@code map[k:v]}, {@code <nil>}, shortest floats).
 *
 * <p>Supported verbs: {@code %v %+v %s %q %d %b %o %O %x %X %c %U %t %e %E %f %F %g %G %T %%},
 * with flags {@code + - # 0 space}, width and precision (also {@code *}) and argument indexes
 * {@code [n]}. Unsupported: {@code %p}, {@code %w}, {@code %x} on floats, {@code %#v} Go syntax.
 * Wrong verbs and argument counts give Go's {@code %!d(string=x)}, {@code %!s(MISSING)} and
 * {@code %!(EXTRA ...)} markers.
 */
final class GoFmt {
  private final StringBuilder buf = new StringBuilder();
  private boolean plus;
  private boolean minus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private boolean plusV;
  private int width = -1;
  private int prec = -1;

  private GoFmt() {}

  /** fmt.Sprint of one value, i.e. its {@code %v} form. */
  static String sprint(Object value) {
    GoFmt f = new GoFmt();
    f.printArg(value, 'v', 0);
    return f.buf.toString();
  }

  /** fmt.Sprint: operands joined, with a space between two operands when neither is a string. */
  static String sprint(List<?> args) {
    GoFmt f = new GoFmt();
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      if (i > 0 && !(arg instanceof String) && !(args.get(i - 1) instanceof String)) {
        f.buf.append(' ');
      }
      f.printArg(arg, 'v', 0);
    }
    return f.buf.toString();
  }

  /** fmt.Sprintln: operands separated by spaces, then a newline. */
  static String sprintln(List<?> args) {
    GoFmt f = new GoFmt();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        f.buf.append(' ');
      }
      f.printArg(args.get(i), 'v', 0);
    }
    return f.buf.append('\n').toString();
  }

  /** fmt.Sprintf. */
  static String sprintf(String format, List<?> args) {
    GoFmt f = new GoFmt();
    f.doPrintf(format, args);
    return f.buf.toString();
  }

  private void clearFlags() {
    plus = minus = sharp = space = zero = plusV = false;
    width = prec = -1;
  }

  private void doPrintf(String format, List<?> args) {
    int end = format.length();
    int argNum = 0;
    boolean reordered = false;
    int i = 0;
    while (i < end) {
      int lasti = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      buf.append(format, lasti, i);
      if (i >= end) {
        break;
      }
      i++;
      clearFlags();
      flags:
      for (; i < end; i++) {
        switch (format.charAt(i)) {
          case '#' -> sharp = true;
          case '0' -> zero = !minus;
          case '+' -> plus = true;
          case '-' -> {
            minus = true;
            zero = false;
          }
          case ' ' -> space = true;
          default -> {
            break flags;
          }
        }
      }
      boolean goodArgNum = true;
      // Argument index, then width.
      int[] idx = argNumber(format, i, argNum, args.size());
      if (idx != null) {
        reordered = true;
        goodArgNum = idx[2] == 1;
        argNum = idx[0];
        i = idx[1];
      }
      boolean afterIndex = idx != null;
      if (i < end && format.charAt(i) == '*') {
        i++;
        Integer w = intArg(args, argNum);
        argNum++;
        if (w == null) {
          buf.append("%!(BADWIDTH)");
        } else {
          width = Math.abs(w);
          if (w < 0) {
            minus = true;
            zero = false;
          }
        }
        afterIndex = false;
      } else {
        int start = i;
        while (i < end && Character.isDigit(format.charAt(i))) {
          i++;
        }
        if (i > start) {
          width = Integer.parseInt(format.substring(start, Math.min(i, start + 6)));
          if (afterIndex) {
            goodArgNum = false;
          }
        }
      }
      if (i < end && format.charAt(i) == '.') {
        i++;
        if (afterIndex) {
          goodArgNum = false;
        }
        idx = argNumber(format, i, argNum, args.size());
        if (idx != null) {
          reordered = true;
          goodArgNum &= idx[2] == 1;
          argNum = idx[0];
          i = idx[1];
          afterIndex = true;
        }
        if (i < end && format.charAt(i) == '*') {
          i++;
          Integer p = intArg(args, argNum);
          argNum++;
          if (p == null) {
            buf.append("%!(BADPREC)");
          } else {
            prec = p < 0 ? -1 : p;
          }
          afterIndex = false;
        } else {
          int start = i;
          while (i < end && Character.isDigit(format.charAt(i))) {
            i++;
          }
          prec = i > start ? Integer.parseInt(format.substring(start, Math.min(i, start + 6))) : 0;
        }
      }
      if (!afterIndex) {
        idx = argNumber(format, i, argNum, args.size());
        if (idx != null) {
          reordered = true;
          goodArgNum &= idx[2] == 1;
          argNum = idx[0];
          i = idx[1];
        }
      }
      if (i >= end) {
        buf.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        buf.append('%');
      } else if (!goodArgNum) {
        buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
      } else if (argNum >= args.size()) {
        buf.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        if (verb == 'v') {
          plusV = plus;
          plus = false;
        }
        printArg(args.get(argNum), verb, 0);
        argNum++;
      }
    }
    if (!reordered && argNum < args.size()) {
      clearFlags();
      buf.append("%!(EXTRA ");
      for (int k = argNum; k < args.size(); k++) {
        if (k > argNum) {
          buf.append(", ");
        }
        Object arg = args.get(k);
        if (arg == null) {
          buf.append("<nil>");
        } else {
          buf.append(GoValues.typeName(arg)).append('=');
          printArg(arg, 'v', 0);
        }
      }
      buf.append(')');
    }
  }

  /** Parses "[n]" at {@code i}: {new argNum, new i, ok?1:0}, or null when there is none. */
  private static int[] argNumber(String format, int i, int argNum, int numArgs) {
    if (i >= format.length() || format.charAt(i) != '[') {
      return null;
    }
    int close = format.indexOf(']', i + 1);
    if (close < 0) {
      return new int[] {argNum, format.length(), 0};
    }
    try {
      int n = Integer.parseInt(format.substring(i + 1, close));
      boolean ok = n >= 1 && n <= numArgs;
      return new int[] {ok ? n - 1 : argNum, close + 1, ok ? 1 : 0};
    } catch (NumberFormatException e) {
      return new int[] {argNum, close + 1, 0};
    }
  }

  private static Integer intArg(List<?> args, int argNum) {
    if (argNum < args.size() && GoValues.isInteger(args.get(argNum))) {
      long v = ((Number) args.get(argNum)).longValue();
      if (Math.abs(v) <= 1_000_000) {
        return (int) v;
      }
    }
    return null;
  }

  private void printArg(Object arg, int verb, int depth) {
    if (arg == null || arg == GoValues.NO_VALUE) {
      if (verb == 'T' || verb == 'v') {
        pad("<nil>");
      } else {
        badVerb(arg, verb);
      }
      return;
    }
    if (verb == 'T') {
      pad(GoValues.typeName(arg));
      return;
    }
    if (arg instanceof Boolean b) {
      if (verb == 't' || verb == 'v') {
        pad(b.toString());
      } else {
        badVerb(arg, verb);
      }
    } else if (arg instanceof Float f) {
      fmtFloat(f, verb, true, arg);
    } else if (GoValues.isInteger(arg)) {
      fmtInteger(((Number) arg).longValue(), verb, arg);
    } else if (arg instanceof Character c) {
      fmtInteger(c, verb, arg);
    } else if (GoValues.isFloat(arg)) {
      fmtFloat(((Number) arg).doubleValue(), verb, false, arg);
    } else if (arg instanceof String s) {
      fmtString(s, verb, arg);
    } else if (arg instanceof Map<?, ?> map) {
      buf.append("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : MapKeys.sorted(map)) {
        if (!first) {
          buf.append(' ');
        }
        first = false;
        printArg(e.getKey(), verb, depth + 1);
        buf.append(':');
        printArg(e.getValue(), verb, depth + 1);
      }
      buf.append(']');
    } else if (GoValues.isList(arg)) {
      buf.append('[');
      List<?> list = GoValues.asList(arg);
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          buf.append(' ');
        }
        printArg(list.get(i), verb, depth + 1);
      }
      buf.append(']');
    } else if (arg instanceof NilPointer) {
      if (verb == 'v') {
        pad("<nil>");
      } else {
        badVerb(arg, verb);
      }
    } else if (arg instanceof Record record) {
      printRecord(record, verb, depth);
    } else {
      // A Stringer: Go calls String() for the string verbs.
      String s = arg instanceof java.time.Duration d ? GoDuration.format(d) : arg.toString();
      if (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') {
        fmtString(s, verb, arg);
      } else {
        badVerb(arg, verb);
      }
    }
  }

  private void printRecord(Record record, int verb, int depth) {
    buf.append('{');
    var components = record.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        buf.append(' ');
      }
      if (plusV) {
        buf.append(FieldResolver.goName(components[i].getName())).append(':');
      }
      printArg(FieldResolver.componentValue(record, components[i]), verb, depth + 1);
    }
    buf.append('}');
  }

  private void badVerb(Object arg, int verb) {
    buf.append("%!").appendCodePoint(verb).append('(');
    if (arg == null || arg == GoValues.NO_VALUE) {
      buf.append("<nil>");
    } else {
      buf.append(GoValues.typeName(arg)).append('=');
      printArg(arg, 'v', 0);
    }
    buf.append(')');
  }

  private void fmtString(String s, int verb, Object arg) {
    switch (verb) {
      case 'v', 's' -> pad(truncate(s));
      case 'q' -> {
        String t = truncate(s);
        pad(sharp && GoQuote.canBackquote(t) ? "`" + t + "`" : plus ? GoQuote.quoteAscii(t) : GoQuote.quote(t));
      }
      case 'x', 'X' -> pad(hexBytes(truncate(s).getBytes(StandardCharsets.UTF_8), verb == 'X'));
      default -> badVerb(arg, verb);
    }
  }

  private String truncate(String s) {
    if (prec >= 0 && s.codePointCount(0, s.length()) > prec) {
      return s.substring(0, s.offsetByCodePoints(0, prec));
    }
    return s;
  }

  private String hexBytes(byte[] bytes, boolean upper) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < bytes.length; i++) {
      if (space && i > 0) {
        b.append(' ');
      }
      if (sharp && (space || i == 0)) {
        b.append(upper ? "0X" : "0x");
      }
      String h = String.format("%02x", bytes[i] & 0xff);
      b.append(upper ? h.toUpperCase(Locale.ROOT) : h);
    }
    return b.toString();
  }

  private void fmtInteger(long v, int verb, Object arg) {
    switch (verb) {
      case 'v', 'd' -> fmtInteger(v, 10, verb, false);
      case 'b' -> fmtInteger(v, 2, verb, false);
      case 'o', 'O' -> fmtInteger(v, 8, verb, false);
      case 'x' -> fmtInteger(v, 16, verb, false);
      case 'X' -> fmtInteger(v, 16, verb, true);
      case 'c' -> pad(validRune(v) ? new String(Character.toChars((int) v)) : "\uFFFD");
      case 'q' -> pad(GoQuote.quoteRune(validRune(v) ? (int) v : 0xFFFD));
      case 'U' -> {
        String hex = Long.toHexString(v).toUpperCase(Locale.ROOT);
        String u = "U+" + "0".repeat(Math.max(0, Math.max(4, prec) - hex.length())) + hex;
        if (sharp && validRune(v) && GoQuote.isPrint((int) v)) {
          u += " '" + new String(Character.toChars((int) v)) + "'";
        }
        pad(u);
      }
      default -> badVerb(arg, verb);
    }
  }

  private static boolean validRune(long v) {
    return v >= 0 && v <= Character.MAX_CODE_POINT && !(v >= 0xD800 && v <= 0xDFFF);
  }

  private void fmtInteger(long v, int base, int verb, boolean upper) {
    boolean negative = v < 0;
    String digits =
        negative
            ? new java.math.BigInteger(Long.toString(v)).negate().toString(base)
            : Long.toString(v, base);
    if (upper) {
      digits = digits.toUpperCase(Locale.ROOT);
    }
    int minDigits = 0;
    if (prec >= 0) {
      minDigits = prec;
      if (prec == 0 && v == 0) {
        boolean oldZero = zero;
        zero = false;
        pad("");
        zero = oldZero;
        return;
      }
    } else if (zero && width >= 0) {
      minDigits = width;
      if (negative || plus || space) {
        minDigits--;
      }
    }
    StringBuilder b = new StringBuilder();
    if (digits.length() < minDigits) {
      b.append("0".repeat(minDigits - digits.length()));
    }
    b.append(digits);
    String prefix = "";
    if (sharp) {
      if (base == 2) {
        prefix = "0b";
      } else if (base == 8 && b.charAt(0) != '0') {
        prefix = "0";
      } else if (base == 16) {
        prefix = upper ? "0X" : "0x";
      }
    }
    if (verb == 'O') {
      prefix = "0o";
    }
    String sign = negative ? "-" : plus ? "+" : space ? " " : "";
    boolean oldZero = zero;
    zero = false;
    pad(sign + prefix + b);
    zero = oldZero;
  }

  private void fmtFloat(double v, int verb, boolean isFloat32, Object arg) {
    char strconvVerb;
    int p;
    switch (verb) {
      case 'v' -> {
        strconvVerb = 'g';
        p = -1;
      }
      case 'g', 'G' -> {
        strconvVerb = (char) verb;
        p = -1;
      }
      case 'e', 'E', 'f', 'F' -> {
        strconvVerb = (char) verb;
        p = 6;
      }
      default -> {
        badVerb(arg, verb);
        return;
      }
    }
    if (prec >= 0) {
      p = prec;
    }
    String num = GoFloats.format(v, strconvVerb, p, isFloat32);
    if (num.charAt(0) != '-' && num.charAt(0) != '+') {
      num = "+" + num;
    }
    if (space && num.charAt(0) == '+' && !plus) {
      num = " " + num.substring(1);
    }
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      boolean oldZero = zero;
      zero = false;
      if (num.charAt(1) == 'N' && !space && !plus) {
        num = num.substring(1);
      }
      pad(num);
      zero = oldZero;
      return;
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && width > num.length()) {
        buf.append(num.charAt(0));
        buf.append("0".repeat(width - num.length()));
        buf.append(num, 1, num.length());
        return;
      }
      pad(num);
      return;
    }
    pad(num.substring(1));
  }

  /** Pads to the width with spaces (or zeros), on the left unless the '-' flag is set. */
  private void pad(String s) {
    int n = width - s.codePointCount(0, s.length());
    if (width < 0 || n <= 0) {
      buf.append(s);
      return;
    }
    String padding = (zero ? "0" : " ").repeat(n);
    if (minus) {
      buf.append(s).append(" ".repeat(n));
    } else {
      buf.append(padding).append(s);
    }
  }
}
