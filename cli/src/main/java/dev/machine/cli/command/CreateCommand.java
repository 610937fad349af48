package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ArgParser;
import dev.machine.cli.flags.FlagDef;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.cli.flags.UsageException;
import dev.machine.cli.help.HelpPrinter;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Checkpoint;
import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverProvider;
import dev.machine.core.driver.MapDriverOptions;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.CertificateSetup;
import dev.machine.core.host.ConnectionCheck;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostCreator;
import dev.machine.core.host.HostOptions;
import dev.machine.core.host.NewHosts;
import dev.machine.core.host.RetryWait;
import dev.machine.core.host.SwarmOptions;
import dev.machine.core.provision.SshProvisioning;
import dev.machine.core.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * {@code create}: flags are parsed in two passes, as in Docker Machine. The driver is found first
 * ({@code -d}/{@code --driver} or {@code $MACHINE_DRIVER}); its flags are then added to the shared
 * ones, so that {@code create -d X --help} lists them.
 */
final class CreateCommand extends Command {
  /** The shell's status for a command ended by SIGINT (128 + 2). */
  static final int INTERRUPTED = 130;

  private static final Pattern SWARM_DISCOVERY = Pattern.compile("[^:]*://.*");

  /** Sorted by name, as in Docker Machine's help, also when no driver is chosen. */
  private List<FlagDef> flags = CreateFlags.withDriver(List.of());

  CreateCommand(CommandDef def) {
    super(def);
  }

  @Override
  public String help(CliContext ctx) {
    String description = "Run '" + ctx.argv0() + " create --driver name --help' to include the create flags for that driver in the help text.";
    return HelpPrinter.commandHelp(ctx.appName(), def.name(), def.usage(), description, flags);
  }

  @Override
  public int run(CliContext ctx, List<String> args) {
    String driverName = CreateFlags.driverFromArgs(args);
    if (driverName == null || driverName.isEmpty()) {
      driverName = ctx.env("MACHINE_DRIVER");
    }
    DriverProvider provider = null;
    if (driverName != null && !driverName.isEmpty()) {
      provider = ctx.services().drivers().require(driverName);
      flags = CreateFlags.withDriver(provider.createFlags());
    }
    if (CreateFlags.helpRequested(args)) {
      ctx.out().print(help(ctx));
      return 0;
    }
    if (provider == null) {
      // Docker Machine falls back to virtualbox, which is not shipped: name the drivers that are.
      throw new MachineException(
          "Error: No driver specified: use --driver (-d) NAME or set $MACHINE_DRIVER. Installed drivers: "
              + String.join(", ", ctx.services().drivers().names()));
    }
    ParsedArgs parsed = new ArgParser(ctx::env).parse(def.name(), flags, args);

    List<String> positionals = parsed.positionals();
    if (positionals.size() > 1) {
      throw new MachineException(
          "Invalid command line. Found extra arguments [" + String.join(" ", positionals.subList(1, positionals.size())) + "]");
    }
    if (positionals.isEmpty()) {
      throw UsageException.withHelp("Error: No machine name specified");
    }
    String name = positionals.get(0);
    if (!Host.isValidName(name)) {
      throw new MachineException(
          "Error creating machine: Invalid hostname specified. Allowed hostname chars are: 0-9a-zA-Z . -");
    }
    String discovery = parsed.string("swarm-discovery");
    if (!discovery.isEmpty() && !SWARM_DISCOVERY.matcher(discovery).matches()) {
      throw new MachineException(
          "Error parsing swarm discovery: Swarm Discovery URL was in the wrong format: " + discovery);
    }

    Progress progress = ctx.progress();
    Store store = ctx.services().store(progress);
    Path root = store.root();
    // The driver saves the machine the moment it has made a cloud resource, so nothing is orphaned.
    AtomicReference<Host> created = new AtomicReference<>();
    Checkpoint checkpoint =
        () -> {
          Host h = created.get();
          // Only once the create has saved the machine: before that, there is nothing to update.
          if (h != null && store.exists(h.name())) {
            store.save(h);
          }
        };
    Driver driver =
        provider.newDriver(new DriverContext(name, root, progress.prefixed("(" + name + ") "), checkpoint));
    Host host = new Host(name, provider.name(), driver, hostOptions(parsed, root, name, ctx));
    created.set(host);
    if (store.exists(name)) {
      throw new MachineException("Docker machine \"" + name + "\" already exists");
    }
    List<CreateFlag> driverFlags = provider.createFlags();
    try {
      driver.setConfigFromFlags(new MapDriverOptions(CreateFlags.driverOptions(driverFlags, parsed.values())));
    } catch (MachineException e) {
      throw new MachineException("Error setting machine configuration from flags provided: " + e.getMessage(), e);
    }

    if (!HostCreator.NONE_DRIVER.equals(provider.name())) {
      // Refused before anything is made, rather than after the machine was created.
      SshProvisioning.rejectSwarm(host.hostOptions().swarmOptions());
    }
    HostCreator creator =
        new HostCreator(
            store,
            CertificateSetup.standard(progress),
            ctx.services().provisioning(),
            ConnectionCheck.tls(),
            RetryWait.standard(),
            progress);
    try (CreateInterruptGuard guard = CreateInterruptGuard.install(name, ctx.out(), ctx.err())) {
      try {
        creator.create(host, parsed.bool(CreateFlags.KEEP_ON_FAILURE), guard.cancellation());
      } catch (MachineException e) {
        if (!guard.interrupted()) {
          throw e;
        }
        // Printed here, before the guard lets the JVM exit: the shutdown has already begun.
        ctx.err().println(e.getMessage());
        ctx.out().flush();
        ctx.err().flush();
        return INTERRUPTED;
      }
    }
    progress.info(
        "To see how to connect your Docker Client to the Docker Engine running on this virtual machine, run: "
            + ctx.argv0()
            + " env "
            + name);
    return 0;
  }

  private static HostOptions hostOptions(ParsedArgs p, Path root, String name, CliContext ctx) {
    EngineOptions engine =
        new EngineOptions(
            p.stringList("engine-opt"),
            null,
            "",
            p.stringList("engine-env"),
            false,
            p.stringList("engine-insecure-registry"),
            p.stringList("engine-label"),
            "",
            p.string("engine-storage-driver"),
            false,
            true,
            p.stringList("engine-registry-mirror"),
            p.string("engine-install-url"));
    SwarmOptions swarm =
        new SwarmOptions(
            p.bool("swarm") || p.bool("swarm-master"),
            p.string("swarm-addr"),
            p.string("swarm-discovery"),
            p.bool("swarm"),
            p.bool("swarm-master"),
            p.string("swarm-host"),
            p.string("swarm-image"),
            p.string("swarm-strategy"),
            0,
            0,
            p.stringList("swarm-opt"),
            p.stringList("swarm-join-opt"),
            null,
            p.bool("swarm-experimental"));
    AuthOptions auth = NewHosts.authOptions(root, name, ctx.services().tlsPaths(), p.stringList("tls-san"));
    return new HostOptions("", 0, 0, engine, swarm, auth);
  }
}
