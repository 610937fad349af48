package dev.machine.cli.help;

import dev.machine.cli.flags.FlagDef;
import dev.machine.core.template.TabWriter;
import java.util.List;

/** Renders help the way Docker Machine's CLI library does (its app and command help templates). */
public final class HelpPrinter {
  private HelpPrinter() {}

  /** A command name and its one-line usage, for the app help's command list. */
  public record CommandLine(String name, String usage) {}

  public static String appHelp(
      String appName, String version, List<FlagDef> globalFlags, List<CommandLine> commands) {
    StringBuilder b = new StringBuilder();
    b.append("Usage: ").append(appName).append(" [OPTIONS] COMMAND [arg...]\n\n");
    b.append("Create and manage machines running Docker.\n\n");
    b.append("Version: ").append(version).append("\n\n");
    b.append("Author:\n  machine contributors - <https://github.com/machine-java/machine>\n");
    b.append("\nOptions:\n  ");
    for (FlagDef flag : globalFlags) {
      b.append(flag.helpLine()).append("\n  ");
    }
    b.append("\nCommands:\n  ");
    for (CommandLine c : commands) {
      b.append(c.name()).append('\t').append(c.usage()).append("\n  ");
    }
    b.append("\nRun '").append(appName).append(" COMMAND --help' for more information on a command.\n");
    return helpLayout(b.toString());
  }

  /** Docker Machine's help goes through a tab writer (minwidth 0, tabwidth 8, padding 1, tabs). */
  private static String helpLayout(String text) {
    TabWriter w = new TabWriter(0, 8, 1, '\t', 0);
    w.write(text);
    return w.flush();
  }

  public static String commandHelp(
      String appName, String name, String usage, String description, List<FlagDef> flags) {
    StringBuilder b = new StringBuilder();
    b.append("Usage: ").append(appName).append(' ').append(name);
    if (!flags.isEmpty()) {
      b.append(" [OPTIONS]");
    }
    b.append(" [arg...]\n\n").append(usage);
    if (!description.isEmpty()) {
      b.append("\n\nDescription:\n   ").append(description);
    }
    if (!flags.isEmpty()) {
      b.append("\n\nOptions:\n   ");
      for (FlagDef flag : flags) {
        b.append("\n   ").append(flag.helpLine());
      }
    }
    b.append('\n');
    return helpLayout(b.toString());
  }
}
