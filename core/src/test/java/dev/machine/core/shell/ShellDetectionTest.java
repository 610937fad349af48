package dev.machine.core.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellDetectionTest {
  @ParameterizedTest
  @CsvSource({
    "fish, FISH",
    "powershell, POWERSHELL",
    "cmd, CMD",
    "tcsh, TCSH",
    "emacs, EMACS",
    "bash, POSIX",
    "zsh, POSIX",
    "sh, POSIX",
    "csh, POSIX",
    "FISH, POSIX",
    "nonsense, POSIX"
  })
  void flagNamesAShellAndUnknownNamesArePosix(String flag, Shell expected) {
    assertThat(ShellDetection.detect(flag, Map.of("SHELL", "/bin/tcsh"))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"/usr/bin/fish, FISH", "/bin/tcsh, TCSH", "/bin/zsh, POSIX", "fish, FISH", "/usr/local/bin/fish/, FISH"})
  void withoutTheFlagTheBaseNameOfShellDecides(String shell, Shell expected) {
    assertThat(ShellDetection.detect(null, Map.of("SHELL", shell))).isEqualTo(expected);
    assertThat(ShellDetection.detect("", Map.of("SHELL", shell))).isEqualTo(expected);
  }

  @Test
  void withoutShellItFailsAfterDockerMachinesNotice() {
    assertThatThrownBy(() -> ShellDetection.detect(null, Map.of()))
        .isInstanceOf(UnknownShellException.class)
        .hasMessage("Error: Unknown shell")
        .extracting(e -> ((UnknownShellException) e).notice())
        .isEqualTo(
            "The default lines below are for a sh/bash shell, you can specify the shell you're using, with the --shell flag.\n\n");
    assertThatThrownBy(() -> ShellDetection.detect(null, Map.of("SHELL", ""))).isInstanceOf(UnknownShellException.class);
  }

  @Test
  void baseNameFollowsGo() {
    assertThat(ShellDetection.baseName("/bin/bash")).isEqualTo("bash");
    assertThat(ShellDetection.baseName("/bin/fish//")).isEqualTo("fish");
    assertThat(ShellDetection.baseName("/")).isEqualTo("/");
  }
}
