package dev.machine.core.shell;

import dev.machine.core.MachineException;

/**
 * {@code $SHELL} is not set and no {@code --shell} was given. Docker Machine then prints
 * {@link #notice()} on stdout and fails with {@code Error: Unknown shell} (exit 1).
 */
public final class UnknownShellException extends MachineException {
  /** What Docker Machine prints on stdout before failing (it ends with a blank line). */
  public static final String NOTICE =
      "The default lines below are for a sh/bash shell, you can specify the shell you're using, with the --shell flag.\n\n";

  public static final String MESSAGE = "Error: Unknown shell";

  public UnknownShellException() {
    super(MESSAGE);
  }

  /** The text to print on stdout before the error, as Docker Machine does. */
  public String notice() {
    return NOTICE;
  }
}
