package dev.machine.core.testing;

import dev.machine.core.MachineException;
import dev.machine.core.host.Host;
import dev.machine.core.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link Store} in memory, for lifecycle and listing tests: machines are kept as objects; names
 * listed in {@link #failingToLoad} exist but fail to load, as a broken config.json would.
 */
public final class MemoryStore implements Store {
  private final Path root;
  private final Map<String, Host> hosts = new TreeMap<>();
  private final Map<String, String> failingToLoad = new TreeMap<>();
  /** How many times each machine was saved. */
  public final Map<String, Integer> saves = new ConcurrentHashMap<>();

  public MemoryStore(Path root) {
    this.root = root;
  }

  /** Adds a machine without counting it as a save. */
  public synchronized MemoryStore with(Host host) {
    hosts.put(host.name(), host);
    return this;
  }

  /** A machine that exists but whose configuration cannot be read. */
  public synchronized MemoryStore broken(String name, String error) {
    failingToLoad.put(name, error);
    return this;
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public Path certsDir() {
    return root.resolve("certs");
  }

  @Override
  public Path machineDir(String name) {
    return root.resolve("machines").resolve(name);
  }

  @Override
  public synchronized List<String> list() {
    Set<String> names = new java.util.TreeSet<>(hosts.keySet());
    names.addAll(failingToLoad.keySet());
    return new ArrayList<>(names);
  }

  @Override
  public synchronized boolean exists(String name) {
    return hosts.containsKey(name) || failingToLoad.containsKey(name);
  }

  @Override
  public synchronized Host load(String name) {
    if (failingToLoad.containsKey(name)) {
      throw new MachineException(failingToLoad.get(name));
    }
    Host host = hosts.get(name);
    if (host == null) {
      throw new MachineException(
          "Docker machine \"" + name + "\" does not exist. Use \"docker-machine ls\" to list machines. "
              + "Use \"docker-machine create\" to add a new one.");
    }
    return host;
  }

  @Override
  public synchronized void save(Host host) {
    hosts.put(host.name(), host);
    saves.merge(host.name(), 1, Integer::sum);
  }

  @Override
  public synchronized void remove(String name) {
    hosts.remove(name);
    failingToLoad.remove(name);
  }

  @Override
  public synchronized <T> T withStoreLock(Supplier<T> action) {
    return action.get();
  }

  @Override
  public <T> T withMachineLock(String name, Supplier<T> action) {
    return action.get();
  }
}
