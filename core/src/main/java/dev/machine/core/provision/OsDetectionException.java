package dev.machine.core.provision;

import dev.machine.core.MachineException;

/**
 * Provisioning failed before it knew the host's OS: SSH never answered, {@code /etc/os-release}
 * could not be read, or the OS is not supported. Same message as its cause; {@code create} words
 * it {@code Error detecting OS: ...}, as Docker Machine does.
 */
public final class OsDetectionException extends MachineException {
  public OsDetectionException(MachineException cause) {
    super(cause.getMessage(), cause);
  }
}
