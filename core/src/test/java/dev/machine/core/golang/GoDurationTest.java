package dev.machine.core.golang;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values are what Go's time.Duration.String() prints. */
class GoDurationTest {
  @ParameterizedTest(name = "{1}")
  @MethodSource
  void formatsDurationsAsGo(Duration d, String expected) {
    assertThat(GoDuration.format(d)).isEqualTo(expected);
  }

  static Stream<Arguments> formatsDurationsAsGo() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "0s"),
        Arguments.of(Duration.ofNanos(100), "100ns"),
        Arguments.of(Duration.ofNanos(1500), "1.5µs"),
        Arguments.of(Duration.ofMillis(3), "3ms"),
        Arguments.of(Duration.ofNanos(3_250_000), "3.25ms"),
        Arguments.of(Duration.ofSeconds(10), "10s"),
        Arguments.of(Duration.ofMillis(1500), "1.5s"),
        Arguments.of(Duration.ofSeconds(120), "2m0s"),
        Arguments.of(Duration.ofSeconds(125), "2m5s"),
        Arguments.of(Duration.ofHours(1), "1h0m0s"),
        Arguments.of(Duration.ofHours(72).plusMinutes(3).plusMillis(500), "72h3m0.5s"),
        Arguments.of(Duration.ofSeconds(-90), "-1m30s"),
        Arguments.of(Duration.ofNanos(-1), "-1ns"));
  }
}
