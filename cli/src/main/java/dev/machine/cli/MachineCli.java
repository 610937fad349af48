package dev.machine.cli;

import dev.machine.cli.command.BuildInfo;
import dev.machine.cli.command.Command;
import dev.machine.cli.command.CommandDef;
import dev.machine.cli.command.Commands;
import dev.machine.cli.flags.UsageException;
import dev.machine.cli.help.HelpPrinter;
import dev.machine.core.DebugLog;
import dev.machine.core.MachineException;
import dev.machine.core.host.PreCreateCheckException;
import dev.machine.core.store.StorePaths;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@code machine} command line: global flags, then only the named command is built and
 * run. Exit codes as Docker Machine's: 0, 1 for any error, 3 when a driver's pre-create check failed.
 */
public final class MachineCli {
  private final String argv0;
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;

  public MachineCli(String argv0, Map<String, String> env, PrintStream out, PrintStream err, InputStream in) {
    this.argv0 = argv0;
    this.env = env;
    this.out = out;
    this.err = err;
    this.in = in;
  }

  public int run(List<String> args) {
    String appName = CliContext.appName(argv0);
    GlobalOptions globals;
    try {
      globals = GlobalOptions.parse(args, env);
    } catch (UsageException e) {
      out.print("Incorrect Usage.\n\n" + appHelp(appName));
      err.println(e.getMessage());
      return 1;
    } catch (MachineException e) {
      err.println(e.getMessage());
      return 1;
    }
    Logging.configure(globals.debug());
    if (DebugLog.enabled()) {
      DebugLog.debug(MachineCli.class, "{} version {} on Java {}; store {}", appName, BuildInfo.fullVersion(),
          Runtime.version(), StorePaths.root(globals.storagePath(), env));
    }

    if (globals.version()) {
      out.println(appName + " version " + BuildInfo.fullVersion());
      return 0;
    }
    List<String> rest = globals.rest();
    if (rest.isEmpty() || globals.help()) {
      out.print(appHelp(appName));
      return 0;
    }
    String name = rest.get(0);
    List<String> commandArgs = rest.subList(1, rest.size());
    List<String> argv = new ArrayList<>();
    argv.add(argv0);
    argv.addAll(args);
    CliContext ctx = new CliContext(argv0, argv, globals, env, out, err, in);

    if (name.equals("help")) {
      if (commandArgs.isEmpty()) {
        out.print(appHelp(appName));
        return 0;
      }
      name = commandArgs.get(0);
      CommandDef def = Commands.find(name).orElse(null);
      if (def == null) {
        return unknownCommand(appName, name);
      }
      out.print(def.newCommand().help(ctx));
      return 0;
    }

    CommandDef def = Commands.find(name).orElse(null);
    if (def == null) {
      return unknownCommand(appName, name);
    }
    Command command = def.newCommand();
    try {
      return command.run(ctx, commandArgs);
    } catch (UsageException e) {
      if (e.showHelp()) {
        out.print((e.incorrectUsage() ? "Incorrect Usage.\n\n" : "") + command.help(ctx));
      }
      err.println(e.getMessage());
      return 1;
    } catch (PreCreateCheckException e) {
      err.println(e.getMessage());
      return 3;
    } catch (MachineException e) {
      err.println(e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      // A bug, not a user error: say what it is on one line, and keep the trace for -D.
      err.println("Error: " + e);
      Logging.debugTrace(e);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int unknownCommand(String appName, String name) {
    err.println(
        appName + ": '" + name + "' is not a " + appName + " command. See '" + argv0 + " --help'.");
    return 1;
  }

  private String appHelp(String appName) {
    List<HelpPrinter.CommandLine> lines = new ArrayList<>();
    for (CommandDef def : Commands.all()) {
      lines.add(new HelpPrinter.CommandLine(def.name(), def.usage()));
    }
    lines.add(new HelpPrinter.CommandLine("help", "Shows a list of commands or help for one command"));
    return HelpPrinter.appHelp(
        appName,
        BuildInfo.fullVersion(),
        GlobalOptions.helpFlags(defaultStoragePath()),
        lines);
  }

  private String defaultStoragePath() {
    Map<String, String> withoutOverride = new java.util.HashMap<>(env);
    withoutOverride.remove(StorePaths.STORAGE_PATH_ENV);
    return StorePaths.root(null, withoutOverride).toString();
  }
}
