package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.help.HelpPrinter;
import java.util.List;

/** One {@code machine} command. Instances are made only for the command being run. */
public abstract class Command {
  protected final CommandDef def;

  protected Command(CommandDef def) {
    this.def = def;
  }

  /** Runs the command with the arguments after its name; returns the exit code. */
  public abstract int run(CliContext ctx, List<String> args);

  /** The command's help text. */
  public String help(CliContext ctx) {
    return HelpPrinter.commandHelp(ctx.appName(), def.name(), def.usage(), def.description(), def.flags());
  }
}
