package dev.machine.core.driver;

import dev.machine.core.Progress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a driver is given when it is built.
 *
 * @param machineName the machine's name
 * @param storePath the store's root (Docker Machine's {@code StorePath}), e.g. {@code ~/.docker/machine}
 * @param progress where the driver reports progress; lines are already prefixed with {@code (name) }
 * @param checkpoint saves the host (with the driver's current state) when the driver asks; the
 *     lifecycle passes one that writes config.json, everything else may use {@link Checkpoint#NONE}
 */
public record DriverContext(String machineName, Path storePath, Progress progress, Checkpoint checkpoint) {
  public DriverContext {
    checkpoint = Objects.requireNonNullElse(checkpoint, Checkpoint.NONE);
  }

  /** A context whose checkpoints save nothing. */
  public DriverContext(String machineName, Path storePath, Progress progress) {
    this(machineName, storePath, progress, Checkpoint.NONE);
  }

  /** The machine's own directory in the store: {@code <store>/machines/<name>}. */
  public Path machineDir() {
    return storePath.resolve("machines").resolve(machineName);
  }
}
