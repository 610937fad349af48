package dev.machine.core.template;

import dev.machine.core.golang.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Go's string unquoting and escaping (strconv.Unquote, html, js, url, strings.Title); quoting is
 * {@link GoQuote}'s.
 */
final class GoStrings {
  private GoStrings() {}

  /** fmt's %#U: {@code U+0023 '#'}. */
  static String unicodeNotation(int r) {
    String code = String.format(Locale.ROOT, "U+%04X", r);
    return GoQuote.isPrint(r) ? code + " '" + new String(Character.toChars(r)) + "'" : code;
  }

  /**
   * strconv.Unquote for "…", `…` and '…' literals.
   *
   * @throws IllegalArgumentException "invalid syntax", as Go's ErrSyntax reads
   */
  static String unquote(String literal) {
    int n = literal.length();
    if (n < 2 || literal.charAt(0) != literal.charAt(n - 1)) {
      throw invalidSyntax();
    }
    char q = literal.charAt(0);
    String body = literal.substring(1, n - 1);
    if (q == '`') {
      if (body.indexOf('`') >= 0) {
        throw invalidSyntax();
      }
      return body.replace("\r", "");
    }
    if (q != '"' && q != '\'') {
      throw invalidSyntax();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == q || c == '\n') {
        throw invalidSyntax();
      }
      if (c != '\\') {
        int cp = body.codePointAt(i);
        writeUtf8(out, cp);
        i += Character.charCount(cp);
        continue;
      }
      if (i + 1 >= body.length()) {
        throw invalidSyntax();
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.write(0x07);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(0x0b);
        case '\\' -> out.write('\\');
        case '\'', '"' -> {
          if (e != q) {
            throw invalidSyntax();
          }
          out.write(e);
        }
        case 'x' -> {
          out.write(parseHex(body, i, 2));
          i += 2;
        }
        case 'u' -> {
          writeUtf8(out, parseHex(body, i, 4));
          i += 4;
        }
        case 'U' -> {
          int cp = parseHex(body, i, 8);
          if (cp > Character.MAX_CODE_POINT) {
            throw invalidSyntax();
          }
          writeUtf8(out, cp);
          i += 8;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 > body.length()) {
            throw invalidSyntax();
          }
          int v = 0;
          for (int k = i - 1; k < i + 2; k++) {
            char d = body.charAt(k);
            if (d < '0' || d > '7') {
              throw invalidSyntax();
            }
            v = v * 8 + (d - '0');
          }
          if (v > 255) {
            throw invalidSyntax();
          }
          out.write(v);
          i += 2;
        }
        default -> throw invalidSyntax();
      }
    }
    String result = out.toString(StandardCharsets.UTF_8);
    if (q == '\'' && result.codePointCount(0, result.length()) != 1) {
      throw invalidSyntax();
    }
    return result;
  }

  private static int parseHex(String s, int from, int digits) {
    if (from + digits > s.length()) {
      throw invalidSyntax();
    }
    try {
      return Integer.parseUnsignedInt(s.substring(from, from + digits), 16);
    } catch (NumberFormatException e) {
      throw invalidSyntax();
    }
  }

  private static void writeUtf8(ByteArrayOutputStream out, int cp) {
    byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
  }

  private static IllegalArgumentException invalidSyntax() {
    return new IllegalArgumentException("invalid syntax");
  }

  /** text/template's html function (HTMLEscapeString). */
  static String htmlEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 0 -> b.append('\uFFFD');
        case '"' -> b.append("&#34;");
        case '\'' -> b.append("&#39;");
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** text/template's js function (JSEscapeString). */
  static String jsEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            r -> {
              switch (r) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '<' -> b.append("\\u003C");
                case '>' -> b.append("\\u003E");
                case '&' -> b.append("\\u0026");
                case '=' -> b.append("\\u003D");
                default -> {
                  if (r >= ' ' && (r < 0x80 || GoQuote.isPrint(r))) {
                    b.appendCodePoint(r);
                  } else {
                    b.append(String.format(Locale.ROOT, "\\u%04X", r));
                  }
                }
              }
            });
    return b.toString();
  }

  /** net/url.QueryEscape: unreserved bytes kept, space as '+', the rest %XX. */
  static String urlQueryEscape(String s) {
    StringBuilder b = new StringBuilder();
    for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append(String.format(Locale.ROOT, "%%%02X", c));
      }
    }
    return b.toString();
  }

  /** strings.Title: upper-cases the first letter of each word. */
  static String title(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int[] prev = {' '};
    s.codePoints()
        .forEach(
            r -> {
              b.appendCodePoint(isSeparator(prev[0]) ? Character.toTitleCase(r) : r);
              prev[0] = r;
            });
    return b.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7f) {
      return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return Character.isWhitespace(r) || Character.isSpaceChar(r);
  }
}
