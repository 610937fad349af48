package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.MachineException;
import dev.machine.core.golang.GoQuote;
import dev.machine.core.host.ConnectionCheck;
import dev.machine.core.host.Host;
import dev.machine.core.store.Store;
import java.nio.file.Path;

/** {@code config [name]}: docker client flags for the machine; stdout holds nothing else. */
final class ConfigCommand extends ParsedCommand {
  ConfigCommand(CommandDef def) {
    super(def);
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    Store store = ctx.services().store(ctx.progressOnStderr());
    Host host = store.load(Targets.one(store, args.positionals()));
    String url;
    try {
      url = ConnectionCheck.tls().check(host, args.bool("swarm"));
    } catch (MachineException e) {
      throw new MachineException("Error running connection boilerplate: " + e.getMessage(), e);
    }
    Path dir = Path.of(host.hostOptions().authOptions().storePath());
    ctx.out()
        .print(
            "--tlsverify\n--tlscacert="
                + GoQuote.quote(dir.resolve("ca.pem").toString())
                + "\n--tlscert="
                + GoQuote.quote(dir.resolve("cert.pem").toString())
                + "\n--tlskey="
                + GoQuote.quote(dir.resolve("key.pem").toString())
                + "\n-H="
                + url
                + "\n");
    return 0;
  }
}
