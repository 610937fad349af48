package dev.machine.cli.command;

import dev.machine.cli.flags.FlagDef;
import dev.machine.core.driver.CreateFlag;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.SwarmOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code create}'s flags: the shared ones, plus the chosen driver's, sorted by name. */
final class CreateFlags {
  static final String KEEP_ON_FAILURE = "keep-on-failure";

  private CreateFlags() {}

  /** The flags of every driver, in Docker Machine's declaration order (help sorts them: {@link #withDriver}). */
  static List<FlagDef> shared() {
    return List.of(
        FlagDef.string("driver, d", "", "MACHINE_DRIVER", "Driver to create machine with."),
        FlagDef.string("engine-install-url", EngineOptions.DEFAULT_INSTALL_URL, "MACHINE_DOCKER_INSTALL_URL",
            "Custom URL to use for engine installation"),
        FlagDef.stringList("engine-opt", "",
            "Specify arbitrary flags to include with the created engine in the form flag=value"),
        FlagDef.stringList("engine-insecure-registry", "", "Specify insecure registries to allow with the created engine"),
        FlagDef.stringList("engine-registry-mirror", "ENGINE_REGISTRY_MIRROR", "Specify registry mirrors to use"),
        FlagDef.stringList("engine-label", "", "Specify labels for the created engine"),
        FlagDef.string("engine-storage-driver", "", "", "Specify a storage driver to use with the engine"),
        FlagDef.stringList("engine-env", "", "Specify environment variables to set in the engine"),
        FlagDef.bool("swarm", "Configure Machine to join a Swarm cluster"),
        FlagDef.string("swarm-image", SwarmOptions.DEFAULT_IMAGE, "MACHINE_SWARM_IMAGE", "Specify Docker image to use for Swarm"),
        FlagDef.bool("swarm-master", "Configure Machine to be a Swarm master"),
        FlagDef.string("swarm-discovery", "", "", "Discovery service to use with Swarm"),
        FlagDef.string("swarm-strategy", SwarmOptions.DEFAULT_STRATEGY, "", "Define a default scheduling strategy for Swarm"),
        FlagDef.stringList("swarm-opt", "", "Define arbitrary flags for Swarm master"),
        FlagDef.stringList("swarm-join-opt", "", "Define arbitrary flags for Swarm join"),
        FlagDef.string("swarm-host", SwarmOptions.DEFAULT_HOST, "", "ip/socket to listen on for Swarm master"),
        FlagDef.string("swarm-addr", "", "", "addr to advertise for Swarm (default: detect and use the machine IP)"),
        FlagDef.bool("swarm-experimental", "Enable Swarm experimental features"),
        FlagDef.stringList("tls-san", "", "Support extra SANs for TLS certs"),
        FlagDef.bool(KEEP_ON_FAILURE, "Keep what a failed create made, to inspect it (by default it is removed)"));
  }

  /**
   * The shared flags plus the driver's, sorted by name as Docker Machine's help lists them;
   * {@code withDriver(List.of())} sorts the shared flags alone.
   */
  static List<FlagDef> withDriver(List<CreateFlag> driverFlags) {
    List<FlagDef> all = new ArrayList<>(shared());
    Set<String> taken = new java.util.HashSet<>();
    all.forEach(f -> taken.addAll(f.names()));
    for (CreateFlag flag : driverFlags) {
      if (taken.add(flag.name())) {
        all.add(FlagDef.of(flag));
      }
    }
    all.sort(Comparator.comparing(f -> String.join(", ", f.names())));
    return all;
  }

  /**
   * The driver's options: every driver flag's default, then the value of every flag of the
   * command (shared ones too, as Docker Machine passes {@code swarm-master} or
   * {@code engine-install-url} to drivers), from command line, environment or default.
   */
  static Map<String, Object> driverOptions(List<CreateFlag> driverFlags, Map<String, Object> values) {
    Map<String, Object> options = new java.util.HashMap<>();
    for (CreateFlag flag : driverFlags) {
      options.put(flag.name(), flag.defaultValue());
    }
    options.putAll(values);
    return options;
  }

  /**
   * The driver named on the command line ({@code -d X}, {@code --driver X}, {@code -d=X},
   * {@code --driver=X}), before the flags can be parsed; null if none. Stops at {@code --}.
   */
  static String driverFromArgs(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        return null;
      }
      for (String name : List.of("-d", "--driver", "-driver")) {
        if (arg.equals(name) && i + 1 < args.size()) {
          return args.get(i + 1);
        }
        if (arg.startsWith(name + "=")) {
          return arg.substring(name.length() + 1);
        }
      }
    }
    return null;
  }

  static boolean helpRequested(List<String> args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("-h") || arg.equals("--help") || arg.equals("-help")) {
        return true;
      }
    }
    return false;
  }
}
