package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "with space", "it's", "'", "''", "$(touch /nonexistent/x)",
      "`id`", "a\nb", "*", "\\", "--opt", "\"double\"", "'; rm -rf /nonexistent; '"})
  void aRealShellSeesExactlyTheValue(String value) throws Exception {
    Process sh = new ProcessBuilder("sh", "-c", "printf '%s' " + ShellQuote.quote(value))
        .redirectErrorStream(true).start();
    String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(sh.waitFor()).isZero();
    assertThat(out).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"it's"})
  void quotesAreClosedEscapedAndReopened(String value) {
    assertThat(ShellQuote.quote(value)).isEqualTo("'it'\\''s'");
  }
}
