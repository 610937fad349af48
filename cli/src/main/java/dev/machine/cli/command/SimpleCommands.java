package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.MachineException;
import dev.machine.core.host.Host;
import dev.machine.core.host.MultiHostAction;
import dev.machine.core.list.DockerVersionQuery;
import dev.machine.core.store.Store;
import java.time.Duration;

/** The commands that print one fact about a machine: {@code status}, {@code url}, {@code ip}, {@code version}. */
final class SimpleCommands {
  private SimpleCommands() {}

  /** {@code status [name]}: the driver's state, e.g. {@code Running}. */
  static final class Status extends ParsedCommand {
    Status(CommandDef def) {
      super(def);
    }

    @Override
    protected int execute(CliContext ctx, ParsedArgs args) {
      Store store = ctx.services().store(ctx.progress());
      Host host = store.load(Targets.one(store, args.positionals()));
      try {
        ctx.out().println(host.driver().state().display());
      } catch (MachineException e) {
        throw new MachineException("error getting state for host " + host.name() + ": " + e.getMessage(), e);
      }
      return 0;
    }
  }

  /** {@code url [name]}: the Docker URL. */
  static final class Url extends ParsedCommand {
    Url(CommandDef def) {
      super(def);
    }

    @Override
    protected int execute(CliContext ctx, ParsedArgs args) {
      Store store = ctx.services().store(ctx.progress());
      Host host = store.load(Targets.one(store, args.positionals()));
      ctx.out().println(host.driver().url());
      return 0;
    }
  }

  /** {@code ip [name...]}: each machine's IP, printed as each answers. */
  static final class Ip extends ParsedCommand {
    Ip(CommandDef def) {
      super(def);
    }

    @Override
    protected int execute(CliContext ctx, ParsedArgs args) {
      Store store = ctx.services().store(ctx.progress());
      new MultiHostAction(store)
          .run(
              Targets.many(store, args.positionals()),
              h -> {
                String ip;
                try {
                  ip = h.driver().ip();
                } catch (MachineException e) {
                  throw new MachineException("Error getting IP address: " + e.getMessage(), e);
                }
                ctx.out().println(ip);
              });
      return 0;
    }
  }

  /** {@code version [name]}: this program's version, or a machine's Docker version. */
  static final class Version extends ParsedCommand {
    private static final String UNABLE = "Unable to query docker version: ";

    Version(CommandDef def) {
      super(def);
    }

    @Override
    protected int execute(CliContext ctx, ParsedArgs args) {
      if (args.positionals().isEmpty()) {
        ctx.out().println(ctx.appName() + " version " + BuildInfo.fullVersion());
        return 0;
      }
      if (args.positionals().size() > 1) {
        throw new MachineException(Targets.EXPECTED_ONE);
      }
      Store store = ctx.services().store(ctx.progress());
      Host host = store.load(args.positionals().get(0));
      String url;
      try {
        url = host.driver().url();
      } catch (MachineException e) {
        throw new MachineException(UNABLE + e.getMessage(), e);
      }
      try {
        ctx.out()
            .println(DockerVersionQuery.tls().serverVersion(host.hostOptions().authOptions(), url, Duration.ofSeconds(20)));
      } catch (MachineException e) {
        String message = String.valueOf(e.getMessage());
        throw new MachineException(message.startsWith(UNABLE) ? message : UNABLE + message, e);
      }
      return 0;
    }
  }
}
