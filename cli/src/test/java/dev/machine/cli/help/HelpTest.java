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
  void tabWriterPadsWithTabsToTheNextStopLikeGo() {
    String out = GoTabWriter.forHelp().format("   \n   --quiet, -q\tEnable\n   --filter [--filter option]\tFilter\n");
    // widest cell is 29 chars + 1 padding = 30, so the column ends at the stop 32: 3 tabs after 14 chars, 1 after 29
    assertThat(out)
        .isEqualTo("   \n   --quiet, -q\t\t\tEnable\n   --filter [--filter option]\tFilter\n");
  }

  @Test
  void tabWriterPadsWithSpacesForLs() {
    String out = new GoTabWriter(5, 1, 3, ' ').format("NAME\tACTIVE\tX\nlongername\t*\ty\n");
    assertThat(out).isEqualTo("NAME         ACTIVE   X\nlongername   *        y\n");
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
