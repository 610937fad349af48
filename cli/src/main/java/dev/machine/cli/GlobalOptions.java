package dev.machine.cli;

import dev.machine.cli.flags.FlagDef;
import dev.machine.cli.flags.GoBool;
import dev.machine.cli.flags.GoFlagErrors;
import dev.machine.core.MachineException;
import java.util.List;
import java.util.Map;

/**
 * The global flags, which come before the command (Docker Machine's app flags). Parsed by hand:
 * they are few, and every command pays for their parsing.
 *
 * @param rest the command name and its arguments
 */
public record GlobalOptions(
    boolean debug,
    String storagePath,
    String tlsCaCert,
    String tlsCaKey,
    String tlsClientCert,
    String tlsClientKey,
    String githubApiToken,
    boolean nativeSsh,
    String bugsnagApiToken,
    boolean help,
    boolean version,
    List<String> rest) {

  /** The flags as the app help lists them, in Docker Machine's order. */
  public static List<FlagDef> helpFlags(String defaultStoragePath) {
    return List.of(
        FlagDef.bool("debug, D", "Enable debug mode"),
        FlagDef.string("storage-path, s", defaultStoragePath, "MACHINE_STORAGE_PATH", "Configures storage path"),
        FlagDef.string("tls-ca-cert", "", "MACHINE_TLS_CA_CERT", "CA to verify remotes against"),
        FlagDef.string("tls-ca-key", "", "MACHINE_TLS_CA_KEY", "Private key to generate certificates"),
        FlagDef.string("tls-client-cert", "", "MACHINE_TLS_CLIENT_CERT", "Client cert to use for TLS"),
        FlagDef.string("tls-client-key", "", "MACHINE_TLS_CLIENT_KEY", "Private key used in client TLS auth"),
        FlagDef.string("github-api-token", "", "MACHINE_GITHUB_API_TOKEN", "Token to use for requests to the Github API"),
        new FlagDef(List.of("native-ssh"), dev.machine.core.driver.FlagType.BOOL, Boolean.FALSE, "MACHINE_NATIVE_SSH",
            "Use the native (Go-based) SSH implementation."),
        FlagDef.string("bugsnag-api-token", "", "MACHINE_BUGSNAG_API_TOKEN", "BugSnag API token for crash reporting"),
        FlagDef.bool("help, h", "show help"),
        FlagDef.bool("version, v", "print the version"));
  }

  public static GlobalOptions parse(List<String> args, Map<String, String> env) {
    boolean debug = false;
    boolean help = false;
    boolean version = false;
    boolean nativeSsh = boolEnv(env, "MACHINE_NATIVE_SSH");
    String storage = env.getOrDefault("MACHINE_STORAGE_PATH", "");
    String caCert = env.getOrDefault("MACHINE_TLS_CA_CERT", "");
    String caKey = env.getOrDefault("MACHINE_TLS_CA_KEY", "");
    String clientCert = env.getOrDefault("MACHINE_TLS_CLIENT_CERT", "");
    String clientKey = env.getOrDefault("MACHINE_TLS_CLIENT_KEY", "");
    String github = env.getOrDefault("MACHINE_GITHUB_API_TOKEN", "");
    String bugsnag = env.getOrDefault("MACHINE_BUGSNAG_API_TOKEN", "");

    int i = 0;
    for (; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-") || arg.equals("-")) {
        break;
      }
      if (arg.equals("--")) {
        i++;
        break;
      }
      String name = arg.replaceFirst("^--?", "");
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      switch (name) {
        case "debug", "D" -> debug = boolValue(name, inline);
        case "native-ssh" -> nativeSsh = boolValue(name, inline);
        case "help", "h" -> help = true;
        case "version", "v" -> version = true;
        case "storage-path", "s", "tls-ca-cert", "tls-ca-key", "tls-client-cert", "tls-client-key",
            "github-api-token", "bugsnag-api-token" -> {
          String value = inline;
          if (value == null) {
            if (i + 1 >= args.size()) {
              throw GoFlagErrors.needsArgument(name);
            }
            value = args.get(++i);
          }
          switch (name) {
            case "storage-path", "s" -> storage = value;
            case "tls-ca-cert" -> caCert = value;
            case "tls-ca-key" -> caKey = value;
            case "tls-client-cert" -> clientCert = value;
            case "tls-client-key" -> clientKey = value;
            case "github-api-token" -> github = value;
            default -> bugsnag = value;
          }
        }
        default -> throw GoFlagErrors.notDefined(name);
      }
    }
    // MACHINE_DEBUG is applied after the flag, so it wins (as in Docker Machine).
    String machineDebug = env.get("MACHINE_DEBUG");
    if (machineDebug != null && !machineDebug.isEmpty()) {
      debug =
          GoBool.parse(machineDebug)
              .orElseThrow(
                  () ->
                      new MachineException(
                          "Error parsing boolean value from MACHINE_DEBUG: strconv.ParseBool: parsing \""
                              + machineDebug
                              + "\": invalid syntax"));
    }
    return new GlobalOptions(
        debug, storage, caCert, caKey, clientCert, clientKey, github, nativeSsh, bugsnag, help, version,
        List.copyOf(args.subList(i, args.size())));
  }

  private static boolean boolValue(String name, String inline) {
    if (inline == null) {
      return true;
    }
    return GoBool.parse(inline).orElseThrow(() -> GoFlagErrors.invalidBoolean(inline, name));
  }

  private static boolean boolEnv(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      return false;
    }
    return GoBool.parse(value)
        .orElseThrow(
            () -> new MachineException("invalid value \"" + value + "\" for $" + name + ": want true or false"));
  }
}
