package dev.machine.core.shell;

/**
 * The shells {@code env} writes for, with Docker Machine's exact line formats (§1.7). Any name
 * Docker Machine does not know (bash, zsh, sh, ...) gets {@link #POSIX}.
 *
 * <p>Docker Machine puts values between quotes without escaping anything. Here a value is
 * escaped for its shell (POSIX and fish: {@code \ " $} and, for POSIX, a backquote; PowerShell:
 * a backquote before {@code ` " $}; Emacs Lisp: {@code \ "}), so a value holding such a character
 * cannot break out of its quotes. Ordinary values (URLs, paths without those characters, names)
 * come out byte-for-byte as Docker Machine prints them. {@code cmd} and {@code tcsh} values are
 * written as is, as upstream does: neither has a way to quote inside these forms that Docker
 * Machine's users' {@code FOR /f} and {@code eval} lines would survive.
 */
public enum Shell {
  /** bash, zsh, sh and every unknown name: {@code export NAME="value"}. */
  POSIX("#", "eval $(%s)"),
  /** {@code set -gx NAME "value";}. */
  FISH("#", "eval (%s)"),
  /** {@code $Env:NAME = "value"}. */
  POWERSHELL("#", "& %s | Invoke-Expression"),
  /** {@code SET NAME=value}. */
  CMD("REM", "\t@FOR /f \"tokens=*\" %%i IN ('%s') DO @%%i"),
  /** {@code setenv NAME "value";}. */
  TCSH(":", "eval `%s`"),
  /** {@code (setenv "NAME" "value")}. */
  EMACS(";;", "(with-temp-buffer (shell-command \"%s\" (current-buffer)) (eval-buffer))");

  private final String comment;
  private final String commandFormat;

  Shell(String comment, String commandFormat) {
    this.comment = comment;
    this.commandFormat = commandFormat;
  }

  /** The shell for a name as given to {@code --shell} or found in {@code $SHELL}: exact, case-sensitive, else POSIX. */
  public static Shell named(String name) {
    return switch (name == null ? "" : name) {
      case "fish" -> FISH;
      case "powershell" -> POWERSHELL;
      case "cmd" -> CMD;
      case "tcsh" -> TCSH;
      case "emacs" -> EMACS;
      default -> POSIX;
    };
  }

  /** The line (with its newline) that sets {@code variable}. */
  public String setLine(EnvVar variable) {
    String name = variable.name();
    String value = variable.value();
    return switch (this) {
      case POSIX -> "export " + name + "=\"" + escape(value, "\\\"$`", '\\') + "\"\n";
      case FISH -> "set -gx " + name + " \"" + escape(value, "\\\"$", '\\') + "\";\n";
      case POWERSHELL -> "$Env:" + name + " = \"" + escape(value, "`\"$", '`') + "\"\n";
      case CMD -> "SET " + name + "=" + value + "\n";
      case TCSH -> "setenv " + name + " \"" + value + "\";\n";
      case EMACS -> "(setenv \"" + name + "\" \"" + escape(value, "\\\"", '\\') + "\")\n";
    };
  }

  /** The line (with its newline) that removes the variable {@code name}. */
  public String unsetLine(String name) {
    return switch (this) {
      case POSIX -> "unset " + name + "\n";
      case FISH -> "set -e " + name + ";\n";
      case POWERSHELL -> "Remove-Item Env:\\\\" + name + "\n";
      case CMD -> "SET " + name + "=\n";
      case TCSH -> "unsetenv " + name + ";\n";
      case EMACS -> "(setenv \"" + name + "\" nil)\n";
    };
  }

  /**
   * The two comment lines telling the user how to apply the output, e.g.
   * {@code # Run this command to configure your shell: }(with the trailing space){@code \n# eval $(docker-machine env dev)\n}.
   *
   * @param commandLine the command line as typed, already joined (see {@link EnvScript#commandLine})
   */
  public String usageHint(String commandLine) {
    return comment
        + " Run this command to configure your shell: \n"
        + comment
        + " "
        + String.format(commandFormat, commandLine)
        + "\n";
  }

  private static String escape(String value, String special, char escapeChar) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (special.indexOf(c) >= 0) {
        if (out == null) {
          out = new StringBuilder(value.length() + 8).append(value, 0, i);
        }
        out.append(escapeChar);
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? value : out.toString();
  }
}
