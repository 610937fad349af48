package dev.machine.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.golang.GoJson;
import dev.machine.core.host.Host;
import dev.machine.core.store.HostJson;
import dev.machine.core.store.Store;
import java.util.Map;

/** {@code inspect [name]}: the machine as config.json shows it, or through a Go template ({@code -f}). */
final class InspectCommand extends ParsedCommand {
  InspectCommand(CommandDef def) {
    super(def);
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    Store store = ctx.services().store(ctx.progress());
    Host host = store.load(Targets.oneWithHelp(store, args.positionals()));
    ObjectNode tree = new HostJson().toTree(host);
    String format = args.string("format");
    if (format.isEmpty()) {
      ctx.out().println(GoJson.marshalIndent(tree, "    "));
      return 0;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data = new ObjectMapper().convertValue(tree, Map.class);
    ctx.out().println(Templates.execute(format, data));
    return 0;
  }
}
