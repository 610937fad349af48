package dev.machine.core.host;

import dev.machine.core.MachineException;

/** A driver's pre-create check failed: nothing was saved, and {@code create} exits 3. */
public final class PreCreateCheckException extends MachineException {
  public PreCreateCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
