package dev.machine.core.golang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected values are what Go 1.21's strconv prints for the same input. */
class GoQuoteTest {
  @Test
  void plainTextIsKeptBetweenDoubleQuotes() {
    assertThat(GoQuote.quote("")).isEqualTo("\"\"");
    assertThat(GoQuote.quote("/home/me/.docker/machine/certs/ca.pem"))
        .isEqualTo("\"/home/me/.docker/machine/certs/ca.pem\"");
    assertThat(GoQuote.quote("it's 'single'")).isEqualTo("\"it's 'single'\"");
  }

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertThat(GoQuote.quote("SSH key does not exist: \"C:\\key\""))
        .isEqualTo("\"SSH key does not exist: \\\"C:\\\\key\\\"\"");
  }

  @Test
  void controlCharactersUseGosShortEscapesThenHex() {
    assertThat(GoQuote.quote("\u0007\b\f\n\r\t\u000b")).isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\"");
    assertThat(GoQuote.quote("\u0000\u001b\u007f")).isEqualTo("\"\\x00\\x1b\\x7f\"");
  }

  @Test
  void printableUnicodeIsKeptAndNonPrintableEscaped() {
    assertThat(GoQuote.quote("héllo 世界 😀")).isEqualTo("\"héllo 世界 😀\"");
    // NBSP and LINE SEPARATOR are spaces Go does not count as printable; U+200B is a format char.
    assertThat(GoQuote.quote("a\u00a0b\u2028c\u200b")).isEqualTo("\"a\\u00a0b\\u2028c\\u200b\"");
    assertThat(GoQuote.quote("\u0085")).isEqualTo("\"\\u0085\"");
    assertThat(GoQuote.quote(new String(Character.toChars(0xe0001)))).isEqualTo("\"\\U000e0001\"");
    assertThat(GoQuote.quote(new String(Character.toChars(0x10ffff)))).isEqualTo("\"\\U0010ffff\"");
  }

  @Test
  void loneSurrogatesPrintAsTheReplacementCharacter() {
    assertThat(GoQuote.quote("a\ud800b")).isEqualTo("\"a\\ufffdb\"");
  }

  @Test
  void invalidUtf8BytesPrintAsHexOneByteAtATime() {
    assertThat(GoQuote.quote(new byte[] {'H', 'T', (byte) 0xff, 'P'})).isEqualTo("\"HT\\xffP\"");
    // A stray continuation byte, a truncated sequence, an overlong '/', an encoded surrogate.
    assertThat(GoQuote.quote(new byte[] {(byte) 0x80})).isEqualTo("\"\\x80\"");
    assertThat(GoQuote.quote(new byte[] {(byte) 0xe4, (byte) 0xb8})).isEqualTo("\"\\xe4\\xb8\"");
    assertThat(GoQuote.quote(new byte[] {(byte) 0xc0, (byte) 0xaf})).isEqualTo("\"\\xc0\\xaf\"");
    assertThat(GoQuote.quote(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}))
        .isEqualTo("\"\\xed\\xa0\\x80\"");
    assertThat(GoQuote.quote(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
        .isEqualTo("\"\\xf4\\x90\\x80\\x80\"");
  }

  @Test
  void validUtf8BytesQuoteAsTheirString() {
    String s = "é世😀\"\n\u00a0";
    assertThat(GoQuote.quote(s.getBytes(StandardCharsets.UTF_8))).isEqualTo(GoQuote.quote(s));
  }

  @Test
  void asciiQuotingEscapesEveryNonAsciiRune() {
    assertThat(GoQuote.quoteAscii("héllo 😀\n")).isEqualTo("\"h\\u00e9llo \\U0001f600\\n\"");
  }

  @Test
  void runeQuotingUsesSingleQuotes() {
    assertThat(GoQuote.quoteRune('x')).isEqualTo("'x'");
    assertThat(GoQuote.quoteRune('\'')).isEqualTo("'\\''");
    assertThat(GoQuote.quoteRune('"')).isEqualTo("'\"'");
    assertThat(GoQuote.quoteRune('\n')).isEqualTo("'\\n'");
  }

  @Test
  void backquotingNeedsPrintableTextWithoutBackquotes() {
    assertThat(GoQuote.canBackquote("a\tb \"c\"")).isTrue();
    assertThat(GoQuote.canBackquote("a`b")).isFalse();
    assertThat(GoQuote.canBackquote("a\nb")).isFalse();
    assertThat(GoQuote.canBackquote("\ufeff")).isFalse();
  }
}
