package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.MachineException;
import dev.machine.core.host.ConnectionCheck;
import dev.machine.core.host.Host;
import dev.machine.core.shell.DockerEnv;
import dev.machine.core.shell.EnvScript;
import dev.machine.core.shell.EnvVar;
import dev.machine.core.shell.Shell;
import dev.machine.core.shell.ShellDetection;
import dev.machine.core.shell.UnknownShellException;
import dev.machine.core.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code env [name]}: shell code that points the docker client at the machine. Stdout holds only
 * that code (it is eval'ed); everything else goes to stderr.
 */
final class EnvCommand extends ParsedCommand {
  EnvCommand(CommandDef def) {
    super(def);
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    List<String> names = args.positionals();
    boolean unset = args.bool("unset");
    boolean noProxy = args.bool("no-proxy");
    if (unset && !names.isEmpty()) {
      throw new MachineException("Error: Expected no machine name when the -u flag is present");
    }
    if (names.size() > 1) {
      throw new MachineException(Targets.EXPECTED_ONE);
    }
    Shell shell;
    try {
      shell = ShellDetection.detect(args.string("shell"), ctx.environment());
    } catch (UnknownShellException e) {
      ctx.out().print(e.notice());
      throw e;
    }
    if (unset) {
      ctx.out().print(EnvScript.unset(shell, DockerEnv.unsetNames(noProxy, ctx.environment()), ctx.argv()));
      return 0;
    }

    Store store = ctx.services().store(ctx.progressOnStderr());
    Host host = store.load(Targets.one(store, names));
    String url;
    try {
      url = ConnectionCheck.tls().check(host, args.bool("swarm"));
    } catch (MachineException e) {
      throw new MachineException("Error checking TLS connection: " + e.getMessage(), e);
    }
    Optional<EnvVar> proxy =
        noProxy ? Optional.of(DockerEnv.noProxy(host.driver().ip(), ctx.environment())) : Optional.empty();
    List<EnvVar> variables =
        DockerEnv.variables(
            url,
            Path.of(host.hostOptions().authOptions().storePath()),
            host.name(),
            System.getProperty("os.name", "").startsWith("Windows"),
            proxy);
    ctx.out().print(EnvScript.set(shell, variables, ctx.argv()));
    return 0;
  }
}
