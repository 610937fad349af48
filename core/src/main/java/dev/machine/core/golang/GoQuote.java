package dev.machine.core.golang;

/**
 * Go's {@code strconv.Quote} family, which is also what {@code fmt}'s {@code %q} prints: a
 * double-quoted literal with printable runes kept, {@code \a \b \f \n \r \t \v} for those
 * controls, {@code \xNN} for other ASCII controls and bytes of invalid UTF-8, <code>&#92;uNNNN</code> or
 * {@code \UNNNNNNNN} for other non-printable runes. A lone UTF-16 surrogate in a Java string (which
 * no valid UTF-8 can carry) prints as <code>&#92;ufffd</code>.
 */
public final class GoQuote {
  private GoQuote() {}

  /** {@code strconv.Quote(s)}, i.e. {@code fmt.Sprintf("%q", s)}. */
  public static String quote(String s) {
    return quote(s, '"', false);
  }

  /**
   * {@code strconv.Quote} of raw bytes, as Go sees a {@code string} that may hold invalid UTF-8
   * (such as a line read off the network): each byte that does not start a valid UTF-8 sequence
   * prints as {@code \xNN}.
   */
  public static String quote(byte[] utf8) {
    StringBuilder b = new StringBuilder(utf8.length + 2).append('"');
    int i = 0;
    while (i < utf8.length) {
      int width = validSequenceLength(utf8, i);
      if (width == 0) {
        b.append("\\x").append(hex(utf8[i] & 0xff, 2));
        i++;
      } else {
        appendEscaped(b, decode(utf8, i, width), '"', false);
        i += width;
      }
    }
    return b.append('"').toString();
  }

  /** {@code strconv.QuoteToASCII(s)} ({@code %+q}): non-ASCII runes escaped too. */
  public static String quoteAscii(String s) {
    return quote(s, '"', true);
  }

  /** {@code strconv.QuoteRune(r)}: a single-quoted rune literal. */
  public static String quoteRune(int rune) {
    return quote(new String(Character.toChars(rune)), '\'', false);
  }

  /** {@code strconv.CanBackquote}: printable, no backquote, no control characters but tab. */
  public static boolean canBackquote(String s) {
    return s.codePoints().allMatch(r -> r == '\t' || (r != '`' && r != 0xfeff && isPrint(r)));
  }

  /** {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  public static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    switch (Character.getType(r)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  private static String hex(int v, int width) {
    String h = Integer.toHexString(v);
    return "0".repeat(Math.max(0, width - h.length())) + h;
  }

  private static String quote(String s, char q, boolean asciiOnly) {
    StringBuilder b = new StringBuilder(s.length() + 2).append(q);
    s.codePoints().forEach(r -> appendEscaped(b, r, q, asciiOnly));
    return b.append(q).toString();
  }

  private static void appendEscaped(StringBuilder b, int r, char q, boolean asciiOnly) {
    if (r == q || r == '\\') {
      b.append('\\').appendCodePoint(r);
    } else if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
      b.appendCodePoint(r);
    } else {
      switch (r) {
        case 0x07 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 0x0b -> b.append("\\v");
        default -> {
          if (r < ' ' || r == 0x7f) {
            b.append("\\x").append(hex(r, 2));
          } else if (r >= Character.MIN_SURROGATE && r <= Character.MAX_SURROGATE) {
            b.append("\\ufffd");
          } else if (r < 0x10000) {
            b.append("\\u").append(hex(r, 4));
          } else {
            b.append("\\U").append(hex(r, 8));
          }
        }
      }
    }
  }

  /**
   * The length of the valid UTF-8 sequence at {@code i}, or 0 where Go's decoder would return
   * RuneError of width 1 (stray continuation, truncated, overlong, surrogate or above U+10FFFF).
   */
  private static int validSequenceLength(byte[] s, int i) {
    int b0 = s[i] & 0xff;
    if (b0 < 0x80) {
      return 1;
    }
    int width;
    int lo = 0x80;
    int hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      width = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      width = 3;
      if (b0 == 0xe0) {
        lo = 0xa0; // overlong
      } else if (b0 == 0xed) {
        hi = 0x9f; // surrogates
      }
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      width = 4;
      if (b0 == 0xf0) {
        lo = 0x90; // overlong
      } else if (b0 == 0xf4) {
        hi = 0x8f; // above U+10FFFF
      }
    } else {
      return 0;
    }
    if (i + width > s.length) {
      return 0;
    }
    int b1 = s[i + 1] & 0xff;
    if (b1 < lo || b1 > hi) {
      return 0;
    }
    for (int k = 2; k < width; k++) {
      int bk = s[i + k] & 0xff;
      if (bk < 0x80 || bk > 0xbf) {
        return 0;
      }
    }
    return width;
  }

  private static int decode(byte[] s, int i, int width) {
    int b0 = s[i] & 0xff;
    if (width == 1) {
      return b0;
    }
    int r = b0 & (0xff >> (width + 1));
    for (int k = 1; k < width; k++) {
      r = (r << 6) | (s[i + k] & 0x3f);
    }
    return r;
  }
}
