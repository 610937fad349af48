package dev.machine.core.driver;

/**
 * Persists a driver's current state ({@link Driver#writeConfig()}) at once. A driver calls it the
 * moment it has made a remote resource, so that a create killed half-way still leaves enough in
 * {@code config.json} for {@code rm} to delete everything it made.
 */
@FunctionalInterface
public interface Checkpoint {
  /** Saves the driver's state now; failures are the caller's to report. */
  void save();

  /** Saves nothing (for commands that never create anything, and for tests). */
  Checkpoint NONE = () -> {};
}
