package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ArgParser;
import dev.machine.cli.flags.ParsedArgs;
import java.util.List;

/** A command whose flags are parsed before it runs. {@code --help} prints its help. */
public abstract class ParsedCommand extends Command {
  protected ParsedCommand(CommandDef def) {
    super(def);
  }

  @Override
  public final int run(CliContext ctx, List<String> args) {
    ParsedArgs parsed = new ArgParser(ctx::env).parse(def.name(), def.flags(), args);
    if (parsed.help()) {
      ctx.out().print(help(ctx));
      return 0;
    }
    return execute(ctx, parsed);
  }

  protected abstract int execute(CliContext ctx, ParsedArgs args);
}
