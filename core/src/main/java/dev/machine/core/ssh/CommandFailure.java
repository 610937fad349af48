package dev.machine.core.ssh;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a remote command that exited non-zero is reported: the command, its exit status and the line
 * of its output that says why, all on the first line (what a user reads, and what ends up in a
 * one-line log); the whole output follows on the next lines, for diagnosis.
 */
public final class CommandFailure {
  /** Words of a line that says what went wrong (apt prints its errors as {@code E: ...}). */
  private static final Pattern ERROR_LINE =
      Pattern.compile(
          "(?i)^E: |\\b(error|errors|failed|failure|fatal|unknown|cannot|can't|could not|couldn't|unable|"
              + "denied|not found|no such|invalid|refused|unsupported|not supported|no provider)\\b");

  private CommandFailure() {}

  /** {@code <command>: exit status N: <cause>}, then the output. */
  public static String message(String command, CommandResult result) {
    return command + ": " + reason(result);
  }

  /** {@code exit status N: <cause>}, then the output: for messages that name the command otherwise. */
  public static String reason(CommandResult result) {
    String output = result.output().strip();
    String cause = cause(output);
    StringBuilder text = new StringBuilder("exit status ").append(result.exitCode());
    if (!cause.isEmpty()) {
      text.append(": ").append(cause);
    }
    if (!output.equals(cause)) {
      text.append('\n').append(output);
    }
    return text.toString();
  }

  /**
   * The line of {@code output} most likely to say why the command failed: the last one that reads
   * as an error (a tool's own last words are often a hint such as {@code See 'dockerd --help'.}),
   * else the last non-empty one; {@code ""} for no output.
   */
  static String cause(String output) {
    List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (ERROR_LINE.matcher(lines.get(i)).find()) {
        return lines.get(i);
      }
    }
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
