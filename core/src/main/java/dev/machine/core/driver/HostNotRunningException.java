package dev.machine.core.driver;

import dev.machine.core.MachineException;

/** Docker Machine's {@code ErrHostIsNotRunning}. */
public final class HostNotRunningException extends MachineException {
  public static final String MESSAGE = "Host is not running";

  public HostNotRunningException() {
    super(MESSAGE);
  }
}
