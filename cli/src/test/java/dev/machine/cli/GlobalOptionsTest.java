package dev.machine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {
  @Test
  void globalFlagsComeBeforeTheCommand() {
    GlobalOptions g = GlobalOptions.parse(List.of("-D", "-s", "/st", "--tls-ca-cert=/ca", "ssh", "dev", "-D"), Map.of());
    assertThat(g.debug()).isTrue();
    assertThat(g.storagePath()).isEqualTo("/st");
    assertThat(g.tlsCaCert()).isEqualTo("/ca");
    assertThat(g.rest()).containsExactly("ssh", "dev", "-D");
  }

  @Test
  void debugAfterTheCommandIsNotGlobal() {
    assertThat(GlobalOptions.parse(List.of("ls", "-D"), Map.of()).debug()).isFalse();
  }

  @Test
  void environmentSuppliesDefaultsAndTheFlagWins() {
    GlobalOptions g = GlobalOptions.parse(List.of("--storage-path", "/flag", "ls"),
        Map.of("MACHINE_STORAGE_PATH", "/env", "MACHINE_NATIVE_SSH", "1"));
    assertThat(g.storagePath()).isEqualTo("/flag");
    assertThat(g.nativeSsh()).isTrue();
    assertThat(GlobalOptions.parse(List.of("ls"), Map.of("MACHINE_STORAGE_PATH", "/env")).storagePath()).isEqualTo("/env");
  }

  @Test
  void machineDebugOverridesTheFlagAndMustBeABoolean() {
    assertThat(GlobalOptions.parse(List.of("-D", "ls"), Map.of("MACHINE_DEBUG", "false")).debug()).isFalse();
    assertThat(GlobalOptions.parse(List.of("ls"), Map.of("MACHINE_DEBUG", "1")).debug()).isTrue();
    assertThatThrownBy(() -> GlobalOptions.parse(List.of("ls"), Map.of("MACHINE_DEBUG", "yes")))
        .hasMessage("Error parsing boolean value from MACHINE_DEBUG: strconv.ParseBool: parsing \"yes\": invalid syntax");
  }

  @Test
  void unknownGlobalFlagsAreRejected() {
    assertThatThrownBy(() -> GlobalOptions.parse(List.of("--bogus", "ls"), Map.of()))
        .hasMessage("flag provided but not defined: -bogus");
    assertThatThrownBy(() -> GlobalOptions.parse(List.of("-s"), Map.of())).hasMessage("flag needs an argument: -s");
    assertThatThrownBy(() -> GlobalOptions.parse(List.of("-D=maybe", "ls"), Map.of()))
        .hasMessage("invalid boolean value \"maybe\" for -D: parse error");
  }
}
