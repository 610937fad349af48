package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.cli.flags.UsageException;
import dev.machine.core.MachineException;
import java.util.List;

/** {@code ssh}, {@code scp} and {@code mount}, which run the system's ssh tools. */
final class SshCommands {
  private SshCommands() {}

  /** {@code ssh [name] [command...]}: no flag parsing, everything after the name goes to ssh. */
  static final class Ssh extends Command {
    Ssh(CommandDef def) {
      super(def);
    }

    @Override
    public int run(CliContext ctx, List<String> args) {
      if (!args.isEmpty() && List.of("-h", "--help", "-help").contains(args.get(0))) {
        ctx.out().print(help(ctx));
        return 0;
      }
      throw new MachineException("ssh is not available yet");
    }
  }

  /** {@code scp [[user@]machine:]path [[user@]machine:]path}. */
  static final class Scp extends ParsedCommand {
    Scp(CommandDef def) {
      super(def);
    }

    @Override
    protected int execute(CliContext ctx, ParsedArgs args) {
      if (args.positionals().size() != 2) {
        throw UsageException.withHelp("Improper number of arguments");
      }
      throw new MachineException("scp is not available yet");
    }
  }

  /** {@code mount [machine:][path] [mountpoint]}. */
  static final class Mount extends ParsedCommand {
    Mount(CommandDef def) {
      super(def);
    }

    @Override
    protected int execute(CliContext ctx, ParsedArgs args) {
      int n = args.positionals().size();
      if (n < 1 || n > 2) {
        throw UsageException.withHelp("Improper number of arguments");
      }
      throw new MachineException("mount is not available yet");
    }
  }
}
