package dev.machine.core.cert;

import java.util.Map;

/**
 * The user name Docker Machine puts in certificate organisations ({@code mcnutils.GetUsername}):
 * {@code $USER} ({@code $USERNAME} on Windows), or {@code unknown} when it is unset or empty.
 */
public final class MachineUser {
  public static final String UNKNOWN = "unknown";

  private MachineUser() {}

  /** The current process's user name, from its environment. */
  public static String current() {
    return fromEnvironment(System.getenv(), System.getProperty("os.name", ""));
  }

  static String fromEnvironment(Map<String, String> env, String osName) {
    String name = env.get(osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "USERNAME" : "USER");
    return name == null || name.isEmpty() ? UNKNOWN : name;
  }
}
