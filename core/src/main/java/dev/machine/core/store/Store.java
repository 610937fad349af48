package dev.machine.core.store;

import dev.machine.core.host.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The machine store, laid out as Docker Machine's ({@code <root>/certs}, {@code <root>/machines/<name>/config.json}).
 * A machine exists if and only if its directory exists.
 */
public interface Store {
  /** The store's root, e.g. {@code ~/.docker/machine}. */
  Path root();

  /** {@code <root>/certs}. */
  Path certsDir();

  /** {@code <root>/machines/<name>}. */
  Path machineDir(String name);

  /** The names of all machines (directories under {@code machines/} not starting with a dot), sorted. */
  List<String> list();

  boolean exists(String name);

  /**
   * Loads a machine, migrating an old config.json. Fails with Docker Machine's
   * {@code Docker machine "X" does not exist...} when there is no such machine. A machine whose
   * driver is not installed loads with a {@link dev.machine.core.driver.NotFoundDriver}.
   */
  Host load(String name);

  /** Writes config.json atomically (temp file, fsync, rename) under the machine's lock. */
  void save(Host host);

  /** Deletes the machine's directory. */
  void remove(String name);

  /** Runs {@code action} holding the store-wide lock (CA and client certificate bootstrap), across processes. */
  <T> T withStoreLock(Supplier<T> action);

  /** Runs {@code action} holding the machine's lock, across processes. */
  <T> T withMachineLock(String name, Supplier<T> action);
}
