package dev.machine.core.store;

import dev.machine.core.MachineException;

/** Docker Machine's {@code ErrHostDoesNotExist}: there is no machine of that name in the store. */
public final class MachineNotFoundException extends MachineException {
  private final String machineName;

  public MachineNotFoundException(String machineName) {
    super(
        "Docker machine \""
            + machineName
            + "\" does not exist. Use \"docker-machine ls\" to list machines. Use \"docker-machine create\" to add a new one.");
    this.machineName = machineName;
  }

  public String machineName() {
    return machineName;
  }
}
