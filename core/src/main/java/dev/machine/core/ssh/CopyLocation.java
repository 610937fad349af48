package dev.machine.core.ssh;

/**
 * One side of {@code scp} or the source of {@code mount}: a local path, or a path on a machine.
 *
 * @param user the user given as {@code user@machine:}, or {@code ""} for the machine's SSH user
 * @param machine the machine name, or {@code null} for a local path
 * @param path the path on that side
 */
public record CopyLocation(String user, String machine, String path) {
  /** The machine {@code mount} uses when the source names none. */
  public static final String DEFAULT_MACHINE = "default";

  /** True for a local path. */
  public boolean isLocal() {
    return machine == null;
  }

  /**
   * An {@code scp} argument: {@code [user@]machine:path}; without a colon, or with the machine
   * {@code localhost}, a local path (Docker Machine's {@code getInfoForScpArg}).
   */
  public static CopyLocation parseScp(String argument) {
    int colon = argument.indexOf(':');
    if (colon < 0) {
      return new CopyLocation("", null, argument);
    }
    String host = argument.substring(0, colon);
    String path = argument.substring(colon + 1);
    String user = "";
    int at = host.indexOf('@');
    if (at >= 0) {
      user = host.substring(0, at);
      host = host.substring(at + 1);
    }
    if (host.equals("localhost")) {
      return new CopyLocation("", null, path);
    }
    return new CopyLocation(user, host, path);
  }

  /**
   * A {@code mount} source: {@code [user@]machine:path}; without a colon, the whole argument is a
   * path on the machine {@code default} (Docker Machine's {@code getInfoForSshfsArg}).
   */
  public static CopyLocation parseMount(String argument) {
    int colon = argument.indexOf(':');
    String host = colon < 0 ? DEFAULT_MACHINE : argument.substring(0, colon);
    String path = colon < 0 ? argument : argument.substring(colon + 1);
    String user = "";
    int at = host.indexOf('@');
    if (at >= 0) {
      user = host.substring(0, at);
      host = host.substring(at + 1);
    }
    return new CopyLocation(user, host, path);
  }
}
