package dev.machine.core.store;

import java.nio.file.Path;
import java.util.Map;

/** Where the store lives (§0, §1.2). */
public final class StorePaths {
  /** The environment variable naming the store root. */
  public static final String STORAGE_PATH_ENV = "MACHINE_STORAGE_PATH";

  private StorePaths() {}

  /**
   * The store root: the {@code -s/--storage-path} flag if given, else {@code $MACHINE_STORAGE_PATH},
   * else {@code $HOME/.docker/machine} ({@code %USERPROFILE%} on Windows, then the JVM's
   * {@code user.home}). Empty values count as unset. The result is absolute, so the paths written
   * into config.json stay valid from any working directory (Docker Machine keeps a relative one).
   *
   * @param flagValue the flag's value, or null when not given
   * @param env the process environment
   */
  public static Path root(String flagValue, Map<String, String> env) {
    if (flagValue != null && !flagValue.isEmpty()) {
      return absolute(flagValue);
    }
    String fromEnv = env.get(STORAGE_PATH_ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return absolute(fromEnv);
    }
    return home(env).resolve(".docker").resolve("machine");
  }

  private static Path home(Map<String, String> env) {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    String home = env.get(windows ? "USERPROFILE" : "HOME");
    if (home == null || home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    return absolute(home);
  }

  private static Path absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }
}
