package dev.machine.core.template;

import dev.machine.core.golang.GoQuote;
import dev.machine.core.template.Node.NumberNode;
import java.math.BigInteger;
import java.util.function.Function;

/** Turns a number or character token into a {@link NumberNode}, with Go's literal syntax. */
final class NumberParser {
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private NumberParser() {}

  static NumberNode parse(Token token, Function<String, TemplateException> error) {
    String text = token.val();
    if (token.kind() == Token.Kind.CHAR_CONSTANT) {
      String value;
      try {
        value = GoStrings.unquote(text);
      } catch (IllegalArgumentException e) {
        throw error.apply(e.getMessage());
      }
      if (value.codePointCount(0, value.length()) != 1) {
        throw error.apply("malformed character constant: " + text);
      }
      int rune = value.codePointAt(0);
      return new NumberNode(token.pos(), text, true, true, true, rune, rune);
    }
    if (text.endsWith("i")) {
      throw error.apply("complex numbers are not supported: " + GoQuote.quote(text));
    }
    BigInteger integer = parseInteger(text);
    boolean isInt = integer != null && integer.bitLength() < 64;
    boolean isUint = integer != null && integer.signum() >= 0 && integer.compareTo(MAX_UINT64) <= 0;
    if (isInt) {
      long v = integer.longValue();
      return new NumberNode(token.pos(), text, true, isUint, true, v, v);
    }
    if (isUint) {
      return new NumberNode(token.pos(), text, false, true, true, 0, integer.doubleValue());
    }
    Double f = parseFloat(text);
    if (f != null) {
      if (!containsAny(text, ".eEpP")) {
        throw error.apply("integer overflow: " + GoQuote.quote(text));
      }
      boolean fitsInt = f == Math.rint(f) && Math.abs(f) < 0x1p63;
      return new NumberNode(token.pos(), text, fitsInt, fitsInt && f >= 0, true, fitsInt ? f.longValue() : 0, f);
    }
    throw error.apply("illegal number syntax: " + GoQuote.quote(text));
  }

  /** Go's strconv.ParseInt with base 0: sign, then 0x/0o/0b prefixes, a leading 0 for octal. */
  private static BigInteger parseInteger(String text) {
    String s = text.replace("_", "");
    boolean negative = false;
    if (s.startsWith("+") || s.startsWith("-")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    int radix = 10;
    if (s.length() > 2 && s.charAt(0) == '0' && "xXoObB".indexOf(s.charAt(1)) >= 0) {
      char p = Character.toLowerCase(s.charAt(1));
      radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      s = s.substring(2);
    } else if (s.length() > 1 && s.charAt(0) == '0') {
      radix = 8;
      s = s.substring(1);
    }
    if (s.isEmpty() || s.startsWith("+") || s.startsWith("-")) {
      return null;
    }
    try {
      BigInteger v = new BigInteger(s, radix);
      return negative ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseFloat(String text) {
    String s = text.replace("_", "");
    boolean hex = s.matches("[+-]?0[xX].*");
    if (!s.matches(hex ? "[+-]?0[xX][0-9a-fA-F.]+[pP][+-]?[0-9]+" : "[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean containsAny(String s, String chars) {
    for (char c : chars.toCharArray()) {
      if (s.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
