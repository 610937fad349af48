package dev.machine.cli.command;

import dev.machine.cli.flags.FlagDef;
import dev.machine.core.host.HostLifecycle;
import java.util.List;
import java.util.Optional;

/** Every command, in the order the help lists them, with Docker Machine's usage texts and flags. */
public final class Commands {
  private static final String ONE = "Argument is a machine name.";
  private static final String MANY = "Argument(s) are one or more machine names.";

  private Commands() {}

  public static List<CommandDef> all() {
    return List.of(
        new CommandDef("active", "Print which machine is active", "",
            List.of(FlagDef.integer("timeout, t", 10, "Timeout in seconds, default to 10s")), ActiveCommand::new),
        new CommandDef("config", "Print the connection config for machine", ONE,
            List.of(FlagDef.bool("swarm", "Display the Swarm config instead of the Docker daemon")), ConfigCommand::new),
        new CommandDef("create", "Create a machine", "", CreateFlags.withDriver(List.of()), CreateCommand::new),
        new CommandDef("env", "Display the commands to set up the environment for the Docker client", ONE,
            List.of(
                FlagDef.bool("swarm", "Display the Swarm config instead of the Docker daemon"),
                FlagDef.string("shell", "", "",
                    "Force environment to be configured for a specified shell: [fish, cmd, powershell, tcsh, emacs], default is auto-detect"),
                FlagDef.bool("unset, u", "Unset variables instead of setting them"),
                FlagDef.bool("no-proxy", "Add machine IP to NO_PROXY environment variable")),
            EnvCommand::new),
        new CommandDef("inspect", "Inspect information about a machine", ONE,
            List.of(FlagDef.string("format, f", "", "", "Format the output using the given go template.")),
            InspectCommand::new),
        new CommandDef("ip", "Get the IP address of a machine", MANY, List.of(), SimpleCommands.Ip::new),
        lifecycle("kill", "Kill a machine", HostLifecycle::kill, null),
        new CommandDef("ls", "List machines", "",
            List.of(
                FlagDef.bool("quiet, q", "Enable quiet mode"),
                FlagDef.stringList("filter", "", "Filter output based on conditions provided"),
                FlagDef.integer("timeout, t", 10, "Timeout in seconds, default to 10s"),
                FlagDef.string("format, f", "", "", "Pretty-print machines using a Go template")),
            LsCommand::new),
        new CommandDef("mount", "Mount or unmount a directory from a machine with SSHFS.",
            "Arguments are [machine:][path] [mountpoint]",
            List.of(FlagDef.bool("unmount, u", "Unmount instead of mount")), SshCommands.Mount::new),
        lifecycle("provision", "Re-provision existing machines", HostLifecycle::provision, null),
        new CommandDef("regenerate-certs", "Regenerate TLS Certificates for a machine", MANY,
            List.of(
                FlagDef.bool("force, f", "Force rebuild and do not prompt"),
                FlagDef.bool("client-certs", "Also regenerate client certificates and CA.")),
            RegenerateCertsCommand::new),
        lifecycle("restart", "Restart a machine", HostLifecycle::restart,
            "Restarted machines may have new IP addresses. You may need to re-run the `{app} env` command."),
        new CommandDef("rm", "Remove a machine", MANY,
            List.of(
                FlagDef.bool("force, f",
                    "Remove local configuration even if machine cannot be removed, also implies an automatic yes (`-y`)"),
                FlagDef.bool("y", "Assumes automatic yes to proceed with remove, without prompting further user confirmation")),
            RmCommand::new),
        new CommandDef("ssh", "Log into or run a command on a machine with SSH.",
            "Arguments are [machine-name] [command]", List.of(), SshCommands.Ssh::new),
        new CommandDef("scp", "Copy files between machines",
            "Arguments are [[user@]machine:][path] [[user@]machine:][path].",
            List.of(
                FlagDef.bool("recursive, r", "Copy files recursively (required to copy directories)"),
                FlagDef.bool("delta, d",
                    "Reduce amount of data sent over network by sending only the differences (uses rsync)"),
                FlagDef.bool("quiet, q", "Disables the progress meter as well as warning and diagnostic messages from ssh")),
            SshCommands.Scp::new),
        lifecycle("start", "Start a machine", HostLifecycle::start,
            "Started machines may have new IP addresses. You may need to re-run the `{app} env` command."),
        new CommandDef("status", "Get the status of a machine", ONE, List.of(), SimpleCommands.Status::new),
        lifecycle("stop", "Stop a machine", HostLifecycle::stop, null),
        lifecycle("upgrade", "Upgrade a machine to the latest version of Docker", HostLifecycle::upgrade, null),
        new CommandDef("url", "Get the URL of a machine", ONE, List.of(), SimpleCommands.Url::new),
        new CommandDef("version", "Show the Docker Machine version or a machine docker version", "", List.of(),
            SimpleCommands.Version::new));
  }

  public static Optional<CommandDef> find(String name) {
    return all().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static CommandDef lifecycle(
      String name, String usage, java.util.function.BiConsumer<HostLifecycle, dev.machine.core.host.Host> action,
      String afterAll) {
    return new CommandDef(name, usage, MANY, List.of(), def -> new LifecycleCommand(def, action, afterAll));
  }
}
