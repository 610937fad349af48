package dev.machine.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.cli.flags.FlagDef;
import dev.machine.core.driver.CreateFlag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateFlagsTest {
  @Test
  void theDriverIsFoundBeforeParsingInEveryForm() {
    assertThat(CreateFlags.driverFromArgs(List.of("x", "-d", "none"))).isEqualTo("none");
    assertThat(CreateFlags.driverFromArgs(List.of("--driver", "generic", "x"))).isEqualTo("generic");
    assertThat(CreateFlags.driverFromArgs(List.of("-d=none"))).isEqualTo("none");
    assertThat(CreateFlags.driverFromArgs(List.of("--driver=amazonec2"))).isEqualTo("amazonec2");
    assertThat(CreateFlags.driverFromArgs(List.of("x"))).isNull();
    assertThat(CreateFlags.driverFromArgs(List.of("--", "-d", "none"))).isNull();
  }

  @Test
  void driverFlagsAreMergedAndSortedByName() {
    List<FlagDef> flags = CreateFlags.withDriver(List.of(CreateFlag.string("url", "", "", "URL"),
        CreateFlag.integer("generic-ssh-port", 22, "GENERIC_SSH_PORT", "port")));
    List<String> names = flags.stream().map(FlagDef::name).toList();
    assertThat(names).contains("url", "generic-ssh-port", "driver", "engine-opt", "tls-san", "keep-on-failure");
    assertThat(names).isSorted();
  }

  @Test
  void driverOptionsHoldDriverDefaultsAndEverySharedValue() {
    Map<String, Object> opts = CreateFlags.driverOptions(
        List.of(CreateFlag.bool("x-flag", "", "x"), CreateFlag.string("x-name", "def", "", "n")),
        Map.of("swarm-master", true, "x-name", "given"));
    assertThat(opts).containsEntry("x-flag", false).containsEntry("x-name", "given").containsEntry("swarm-master", true);
  }
}
