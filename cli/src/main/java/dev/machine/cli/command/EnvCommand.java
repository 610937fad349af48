package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.MachineException;

/** {@code env [name]}: shell code that points the docker client at the machine; stdout holds nothing else. */
final class EnvCommand extends ParsedCommand {
  EnvCommand(CommandDef def) {
    super(def);
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    if (args.bool("unset") && !args.positionals().isEmpty()) {
      throw new MachineException("Error: Expected no machine name when the -u flag is present");
    }
    throw new MachineException("env (the shell renderer) is not available yet");
  }
}
