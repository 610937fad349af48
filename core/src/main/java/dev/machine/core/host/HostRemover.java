package dev.machine.core.host;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.store.Store;
import java.util.ArrayList;
import java.util.List;

/** Docker Machine's {@code rm} for one machine: the driver's resources, then the local directory. */
public final class HostRemover {
  private final Store store;
  private final Progress progress;

  public HostRemover(Store store, Progress progress) {
    this.store = store;
    this.progress = progress;
  }

  /**
   * Removes one machine. Without {@code force}, the local directory is kept when the driver could
   * not remove the remote resources. Returns the errors, in Docker Machine's words.
   */
  public List<String> remove(String name, boolean force) {
    List<String> errors = new ArrayList<>();
    boolean remoteRemoved;
    try {
      store.load(name).driver().remove();
      remoteRemoved = true;
    } catch (RuntimeException e) {
      errors.add("Error removing host \"" + name + "\": " + e.getMessage());
      remoteRemoved = false;
    }
    if (remoteRemoved || force) {
      try {
        if (!store.exists(name)) {
          throw new MachineException(name + " does not exist.");
        }
        store.remove(name);
        progress.info("Successfully removed " + name);
      } catch (RuntimeException e) {
        errors.add("Can't remove \"" + name + "\"");
      }
    }
    return errors;
  }
}
