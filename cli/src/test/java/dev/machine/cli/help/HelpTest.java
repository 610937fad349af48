package dev.machine.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.cli.flags.FlagDef;
import dev.machine.core.driver.CreateFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpTest {
  @Test
  void flagLinesAreRenderedAsDockerMachinesHelpDoes() {
    assertThat(FlagDef.bool("quiet, q", "Enable quiet mode").helpLine()).isEqualTo("--quiet, -q\tEnable quiet mode");
    assertThat(FlagDef.integer("timeout, t", 10, "Timeout").helpLine()).isEqualTo("--timeout, -t \"10\"\tTimeout");
    assertThat(FlagDef.string("format, f", "", "", "Fmt").helpLine()).isEqualTo("--format, -f \tFmt");
    assertThat(FlagDef.stringList("filter", "", "Filter").helpLine())
        .isEqualTo("--filter [--filter option --filter option]\tFilter");
    assertThat(FlagDef.of(CreateFlag.integer("generic-ssh-port", 22, "GENERIC_SSH_PORT", "SSH port")).helpLine())
        .isEqualTo("--generic-ssh-port \"22\"\tSSH port [$GENERIC_SSH_PORT]");
    assertThat(FlagDef.string("driver, d", "", "MACHINE_DRIVER", "Driver").helpLine())
        .isEqualTo("--driver, -d \tDriver [$MACHINE_DRIVER]");
  }

  @Test
  void helpColumnsArePaddedWithTabsToTheNextStopLikeGo() {
    String help =
        HelpPrinter.commandHelp("machine", "x", "X", "", List.of(FlagDef.bool("quiet, q", "Enable"),
            FlagDef.stringList("filter", "", "Filter")));
    // "   --filter [--filter option --filter option]" is 46 chars + 1 padding = 47: the column ends
    // at the tab stop 48, so 5 tabs follow "   --quiet, -q" (14 chars) and 1 follows the filter.
    assertThat(help).endsWith("   \n   --quiet, -q\t\t\t\t\tEnable\n   --filter [--filter option --filter option]\tFilter\n");
  }

  @Test
  void commandHelpFollowsDockerMachinesTemplate() {
    String help =
        HelpPrinter.commandHelp("machine", "ls", "List machines", "", List.of(FlagDef.bool("quiet, q", "Enable quiet mode")));
    assertThat(help).isEqualTo("Usage: machine ls [OPTIONS] [arg...]\n\nList machines\n\nOptions:\n   \n   --quiet, -q\tEnable quiet mode\n");
    assertThat(HelpPrinter.commandHelp("machine", "ip", "Get the IP address of a machine",
            "Argument(s) are one or more machine names.", List.of()))
        .isEqualTo("Usage: machine ip [arg...]\n\nGet the IP address of a machine\n\nDescription:\n"
            + "   Argument(s) are one or more machine names.\n");
  }
}
