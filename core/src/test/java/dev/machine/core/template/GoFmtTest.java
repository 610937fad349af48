package dev.machine.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** fmt.Sprintf and value printing, against outputs of Go's fmt. */
class GoFmtTest {
  static Arguments f(String expected, String format, Object... args) {
    return Arguments.of(format, new ArrayList<>(Arrays.asList(args)), expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource
  void sprintf(String format, List<Object> args, String expected) {
    assertThat(GoFmt.sprintf(format, args)).isEqualTo(expected);
  }

  static Stream<Arguments> sprintf() {
    Map<String, Object> map = new TreeMap<>(Map.of("b", 2L, "a", "x"));
    return Stream.of(
        f("42", "%d", 42L),
        f("   42|42   |", "%5d|%-5d|", 42, 42),
        f("-0042", "%05d", -42L),
        f("+5  5", "%+d % d", 5, 5),
        f("     005", "%08.3d", 5),
        f("ff FF 0xff -ff", "%x %X %#x %x", 255, 255, 255, -255),
        f("10 010 0o10 101", "%o %#o %O %b", 8, 8, 8, 5),
        f("A 'A' U+0041 U+00E9 'é'", "%c %q %U %#U", 65, 65, 65, 0xe9),
        f("x|\"a\\\"b\\n\"|6869|he|000ab", "%s|%q|%x|%.2s|%05s", "x", "a\"b\n", "hi", "hello", "ab"),
        f("`a\"b` \"\\u00e9\"", "%#q %+q", "a\"b", "é"),
        f("true false", "%t %v", true, false),
        f("[1 2] [a b] [1 2] map[a:x b:2]", "%v %s %d %v", List.of(1, 2), List.of("a", "b"), List.of(1, 2), map),
        f("[%!d(string=a)]", "%d", List.of("a")),
        f("3.141590 3.14 3.1416", "%f %.2f %.4f", 3.14159, 3.14159, 3.14159),
        f("  -3.142|-003.142|3.14    |", "%8.3f|%08.3f|%-8.2f|", -3.14159, -3.14159, 3.14159),
        f("1.234568e+03 1.234568E+03 1.2e+04", "%e %E %.1e", 1234.5678, 1234.5678, 12345.0),
        f("+1.2e+04", "%+.1e", 12345.0),
        f("1234.5678 1e+21 1.23e+03 100000 1e+06", "%g %g %.3g %g %g", 1234.5678, 1e21, 1234.5678, 1e5, 1e6),
        f("1e+06 123456 0.0001 1e-05 3 -0.5 -0", "%v %v %v %v %v %v %v", 1e6, 123456.0, 0.0001, 0.00001, 3.0, -0.5, -0.0),
        f("0.12 2.67 0.2 2 4", "%.2f %.2f %.1f %.0f %.0f", 0.125, 2.675, 0.25, 2.5, 3.5),
        f("1.2345678901234567e+19", "%v", 12345678901234567890.0),
        f("0.30000000000000004", "%v", 0.1 + 0.2),
        f("+Inf -Inf NaN", "%v %f %v", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN),
        f(" 99.50%", "%6.2f%%", 99.5),
        f("b a", "%[2]s %[1]s", "a", "b"),
        f("   42 3.14", "%*d %.*f", 5, 42, 2, 3.14159),
        f("string int float64 bool []interface {} map[string]interface {} <nil>", "%T %T %T %T %T %T %T",
            "a", 1, 2.5, true, List.of(), Map.of(), null),
        f("%!d(string=x)", "%d", "x"),
        f("%!s(int=3)", "%s", 3),
        f("%!d(float64=2.5)", "%d", 2.5),
        f("%!s(MISSING)", "%s"),
        f("a%!(EXTRA string=b, int=1)", "%s", "a", "b", 1),
        f("%!(NOVERB)", "%"),
        f("%!z(int=1)", "%z", 1),
        f("%!s(<nil>) <nil>", "%s %v", null, null),
        f("%!t(string=   ab)", "%5t", "ab"),
        f("%!s(BADINDEX)", "%[3]s", "a"),
        f("3ms 1.5s 1h2m0s", "%v %s %v", Duration.ofMillis(3), Duration.ofMillis(1500), Duration.ofMinutes(62)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void printsShortestFloatsAsGo(double value, String expected) {
    assertThat(GoFmt.sprint(value)).isEqualTo(expected);
  }

  static Stream<Arguments> printsShortestFloatsAsGo() {
    return Stream.of(
        Arguments.of(0.1, "0.1"),
        Arguments.of(100.0, "100"),
        Arguments.of(999999.0, "999999"),
        Arguments.of(1234567.0, "1.234567e+06"),
        Arguments.of(1e23, "1e+23"),
        Arguments.of(5e-324, "5e-324"),
        Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
        // JDK 17's Double.toString prints 2.0E-3 correctly but some values with extra digits;
        // Go always prints the shortest form that reads back.
        Arguments.of(2.82879384806159E17, "2.82879384806159e+17"),
        Arguments.of(1.0E-5, "1e-05"),
        Arguments.of(9007199254740993.0, "9.007199254740992e+15"),
        Arguments.of(-123.456, "-123.456"));
  }

  @Test
  void printsFloat32WithItsOwnShortestDigits() {
    assertThat(GoFmt.sprint(0.1f)).isEqualTo("0.1");
    assertThat(GoFmt.sprintf("%T", List.of(0.1f))).isEqualTo("float32");
  }

  @Test
  void sprintSpacesOnlyBetweenNonStrings() {
    assertThat(GoFmt.sprint(List.of("a", 1L, 2L, "b", 3L))).isEqualTo("a1 2b3");
    assertThat(GoFmt.sprintln(List.of("a", 1L))).isEqualTo("a 1\n");
  }

  @Test
  void printsRecordsAsStructs() {
    record Point(int x, String name) {}
    assertThat(GoFmt.sprint(new Point(1, "p"))).isEqualTo("{1 p}");
    assertThat(GoFmt.sprintf("%+v", List.of(new Point(1, "p")))).isEqualTo("{X:1 Name:p}");
  }
}
