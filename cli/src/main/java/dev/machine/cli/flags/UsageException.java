package dev.machine.cli.flags;

import dev.machine.core.MachineException;

/** A command-line mistake; the command's help is printed on stdout before the message, when asked. */
public final class UsageException extends MachineException {
  private final boolean showHelp;
  private final boolean incorrectUsage;

  private UsageException(String message, boolean showHelp, boolean incorrectUsage) {
    super(message);
    this.showHelp = showHelp;
    this.incorrectUsage = incorrectUsage;
  }

  /** An error after which the command's help is shown (Docker Machine's {@code cli.ShowCommandHelp}). */
  public static UsageException withHelp(String message) {
    return new UsageException(message, true, false);
  }

  /** A flag the command does not know: {@code Incorrect Usage.} and the help, then the message. */
  public static UsageException incorrectUsage(String message) {
    return new UsageException(message, true, true);
  }

  public boolean showHelp() {
    return showHelp;
  }

  public boolean incorrectUsage() {
    return incorrectUsage;
  }
}
