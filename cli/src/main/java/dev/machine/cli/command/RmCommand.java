package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.cli.flags.UsageException;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.host.HostRemover;
import dev.machine.core.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rm}: asks unless {@code -y}/{@code -f}, then removes the machines one after the other.
 * With {@code -f} the local configuration goes even if the driver failed, errors are printed as
 * they happen and the exit code is 0.
 */
final class RmCommand extends ParsedCommand {
  RmCommand(CommandDef def) {
    super(def);
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    List<String> names = args.positionals();
    if (names.isEmpty()) {
      throw UsageException.withHelp("Error: Expected to get one or more machine names as arguments");
    }
    boolean force = args.bool("force");
    Progress progress = ctx.progress();
    progress.info("About to remove " + String.join(", ", names));
    progress.warn("WARNING: This action will delete both local reference and remote instance.");
    if (!force && !args.bool("y")) {
      String answer = ctx.prompt("Are you sure? (y/n): ");
      if (answer == null || !answer.toLowerCase().startsWith("y")) {
        return 0;
      }
    }
    Store store = ctx.services().store(progress);
    HostRemover remover = new HostRemover(store, progress);
    List<String> errors = new ArrayList<>();
    for (String name : names) {
      for (String error : remover.remove(name, force)) {
        if (force) {
          ctx.err().println(error);
        } else {
          errors.add(error);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new MachineException(String.join("\n", errors));
    }
    return 0;
  }
}
