package dev.machine.core.driver;

import dev.machine.core.Progress;
import java.nio.file.Path;

/**
 * What a driver is given when it is built.
 *
 * @param machineName the machine's name
 * @param storePath the store's root (Docker Machine's {@code StorePath}), e.g. {@code ~/.docker/machine}
 * @param progress where the driver reports progress; lines are already prefixed with {@code (name) }
 */
public record DriverContext(String machineName, Path storePath, Progress progress) {
  /** The machine's own directory in the store: {@code <store>/machines/<name>}. */
  public Path machineDir() {
    return storePath.resolve("machines").resolve(machineName);
  }
}
