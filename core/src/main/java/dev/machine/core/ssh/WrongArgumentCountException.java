package dev.machine.core.ssh;

import dev.machine.core.MachineException;

/**
 * {@code Improper number of arguments}: the CLI prints the command's help, then this message
 * (Docker Machine's {@code errWrongNumberArguments}).
 */
public class WrongArgumentCountException extends MachineException {
  public static final String MESSAGE = "Improper number of arguments";

  public WrongArgumentCountException() {
    super(MESSAGE);
  }
}
