package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.MachineException;
import dev.machine.core.list.DockerVersionQuery;
import dev.machine.core.list.HostListItem;
import dev.machine.core.list.HostLister;
import dev.machine.core.list.HostStateFetcher;
import dev.machine.core.list.ListFilters;
import java.time.Duration;
import java.util.List;

/** {@code ls}: the machines, their state and Docker version, as a table or a template's output. */
final class LsCommand extends ParsedCommand {
  LsCommand(CommandDef def) {
    super(def);
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    if (!args.positionals().isEmpty()) {
      throw new MachineException("Error: Too many arguments given");
    }
    ListFilters filters = ListFilters.parse(args.stringList("filter"));
    HostLister lister =
        new HostLister(
            ctx.services().store(ctx.progress()),
            new HostStateFetcher(DockerVersionQuery.tls(), nullToEmpty(ctx.env("DOCKER_HOST"))));
    if (args.bool("quiet")) {
      for (String name : lister.names(filters)) {
        ctx.out().println(name);
      }
      return 0;
    }
    String format = args.string("format");
    LsTemplate template = LsTemplate.parse(format.isEmpty() ? LsTemplate.DEFAULT : format);
    int timeout = args.integer("timeout");
    List<HostListItem> items = lister.list(filters, Duration.ofSeconds(Math.max(0, timeout)));
    try {
      template.render(items, ctx.out());
    } finally {
      ctx.out().flush();
    }
    return 0;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
