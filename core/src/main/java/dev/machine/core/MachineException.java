package dev.machine.core;

/**
 * An error a user will read: its message is printed as it is, on one line where possible, by the
 * CLI. Messages that Docker Machine users know are kept word for word.
 */
public class MachineException extends RuntimeException {
  public MachineException(String message) {
    super(message);
  }

  public MachineException(String message, Throwable cause) {
    super(message, cause);
  }
}
