package dev.machine.core.shell;

import java.util.Map;

/** Which shell to write for (§1.7): {@code --shell}, else the base name of {@code $SHELL}. */
public final class ShellDetection {
  private ShellDetection() {}

  /**
   * @param shellFlag the {@code --shell} value, or null/"" when not given
   * @param env the process environment
   * @throws UnknownShellException when neither is set (as Docker Machine on Unix; it does not
   *     look at the parent process the way it does on Windows)
   */
  public static Shell detect(String shellFlag, Map<String, String> env) {
    if (shellFlag != null && !shellFlag.isEmpty()) {
      return Shell.named(shellFlag);
    }
    String shell = env.get("SHELL");
    if (shell == null || shell.isEmpty()) {
      throw new UnknownShellException();
    }
    return Shell.named(baseName(shell));
  }

  /** Go's {@code filepath.Base}: the last element, ignoring trailing slashes. */
  static String baseName(String path) {
    String trimmed = path;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.equals("/")) {
      return "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
