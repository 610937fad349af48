package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.MachineException;
import dev.machine.core.list.DockerVersionQuery;
import dev.machine.core.list.HostLister;
import dev.machine.core.list.HostStateFetcher;
import java.time.Duration;

/** {@code active}: the machine {@code $DOCKER_HOST} points at. */
final class ActiveCommand extends ParsedCommand {
  ActiveCommand(CommandDef def) {
    super(def);
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    if (!args.positionals().isEmpty()) {
      throw new MachineException("Error: Too many arguments given");
    }
    String dockerHost = ctx.env("DOCKER_HOST");
    if (dockerHost == null || dockerHost.isEmpty()) {
      // Active means "the machine $DOCKER_HOST points at": shell prompts run this, so skip the network.
      throw new MachineException("No active host found");
    }
    HostLister lister =
        new HostLister(
            ctx.services().store(ctx.progress()),
            new HostStateFetcher(DockerVersionQuery.tls(), dockerHost == null ? "" : dockerHost));
    ctx.out().println(lister.active(Duration.ofSeconds(Math.max(0, args.integer("timeout")))));
    return 0;
  }
}
