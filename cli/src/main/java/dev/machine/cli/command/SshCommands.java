package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.cli.flags.UsageException;
import dev.machine.core.MachineException;
import dev.machine.core.driver.State;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostCreator;
import dev.machine.core.provision.SshShellFactory;
import dev.machine.core.ssh.CopyCommands;
import dev.machine.core.ssh.Executables;
import dev.machine.core.ssh.InteractiveSsh;
import dev.machine.core.ssh.WrongArgumentCountException;
import dev.machine.core.store.Store;
import java.io.IOException;
import java.util.List;

/** {@code ssh}, {@code scp} and {@code mount}: the system's ssh tools (or the native client) on a machine. */
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
      Store store = ctx.services().store(ctx.progress());
      String name = args.isEmpty() ? Targets.one(store, args) : args.get(0);
      Host host = store.load(name);
      if (HostCreator.NONE_DRIVER.equals(host.driverName())) {
        // Docker Machine would run "ssh @ -p 0" here.
        throw new MachineException("Error: Cannot run SSH command: hosts without a driver have no SSH");
      }
      if (host.driver().state() != State.RUNNING) {
        throw new MachineException("Error: Cannot run SSH command: Host \"" + host.name() + "\" is not running");
      }
      List<String> remote = args.isEmpty() ? List.of() : args.subList(1, args.size());
      // The remote command's exit code, as ssh itself returns it (Docker Machine printed
      // "exit status N" and exited 1, which loses the code scripts test).
      return new InteractiveSsh(ctx.globals().nativeSsh()).run(SshShellFactory.target(host), remote);
    }
  }

  /** {@code scp [[user@]machine:]path [[user@]machine:]path}. */
  static final class Scp extends ParsedCommand {
    Scp(CommandDef def) {
      super(def);
    }

    @Override
    protected int execute(CliContext ctx, ParsedArgs args) {
      List<String> argv;
      try {
        argv = copyCommands(ctx).scp(args.positionals(), args.bool("recursive"), args.bool("delta"), args.bool("quiet"));
      } catch (WrongArgumentCountException e) {
        throw UsageException.withHelp(e.getMessage());
      }
      return runInheritingIo(argv);
    }
  }

  /** {@code mount [machine:][path] [mountpoint]}. */
  static final class Mount extends ParsedCommand {
    Mount(CommandDef def) {
      super(def);
    }

    @Override
    protected int execute(CliContext ctx, ParsedArgs args) {
      List<String> argv;
      try {
        argv = copyCommands(ctx).mount(args.positionals(), args.bool("unmount"));
      } catch (WrongArgumentCountException e) {
        throw UsageException.withHelp(e.getMessage());
      }
      return runInheritingIo(argv);
    }
  }

  private static CopyCommands copyCommands(CliContext ctx) {
    Store store = ctx.services().store(ctx.progress());
    return new CopyCommands(Executables.system(), name -> SshShellFactory.target(store.load(name)));
  }

  /** Runs a tool with the user's terminal; a non-zero exit is Docker Machine's {@code exit status N}. */
  static int runInheritingIo(List<String> argv) {
    try {
      Process p = new ProcessBuilder(argv).inheritIO().start();
      int code = p.waitFor();
      if (code != 0) {
        throw new MachineException("exit status " + code);
      }
      return 0;
    } catch (IOException e) {
      throw new MachineException("Error running " + argv.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MachineException("Interrupted", e);
    }
  }
}
