package dev.machine.core.shell;

import java.util.List;

/** The whole stdout of {@code env}: one line per variable, then the usage hint (§1.7). */
public final class EnvScript {
  private EnvScript() {}

  /** Set mode: {@code export DOCKER_TLS_VERIFY="1"} ... then the hint for {@code argv}. */
  public static String set(Shell shell, List<EnvVar> variables, List<String> argv) {
    StringBuilder out = new StringBuilder(512);
    for (EnvVar variable : variables) {
      out.append(shell.setLine(variable));
    }
    return out.append(shell.usageHint(commandLine(argv))).toString();
  }

  /** Unset mode ({@code -u}): {@code unset DOCKER_TLS_VERIFY} ... then the hint, which Docker Machine prints here too. */
  public static String unset(Shell shell, List<String> names, List<String> argv) {
    StringBuilder out = new StringBuilder(256);
    for (String name : names) {
      out.append(shell.unsetLine(name));
    }
    return out.append(shell.usageHint(commandLine(argv))).toString();
  }

  /**
   * The command line as typed, joined by spaces; {@code argv[0]} is put in double quotes when it
   * contains a space or a backslash (a Windows path), the other arguments are left as they are.
   */
  public static String commandLine(List<String> argv) {
    if (argv.isEmpty()) {
      return "";
    }
    String program = argv.get(0);
    if (program.contains(" ") || program.contains("\\")) {
      program = "\"" + program + "\"";
    }
    StringBuilder line = new StringBuilder(program);
    for (String arg : argv.subList(1, argv.size())) {
      line.append(' ').append(arg);
    }
    return line.toString();
  }
}
