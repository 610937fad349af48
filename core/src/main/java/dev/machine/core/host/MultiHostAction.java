package dev.machine.core.host;

import dev.machine.core.MachineException;
import dev.machine.core.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Docker Machine's {@code runAction}: loads every named machine (any load error stops everything),
 * runs the action on all of them at once, then saves each machine so that state a driver changed
 * (a new IP after a start) is kept. Errors are joined with newlines.
 */
public final class MultiHostAction {
  private final Store store;

  public MultiHostAction(Store store) {
    this.store = store;
  }

  public void run(List<String> names, Consumer<Host> action) {
    List<Host> hosts = new ArrayList<>();
    List<String> loadErrors = new ArrayList<>();
    for (String name : names) {
      try {
        hosts.add(store.load(name));
      } catch (MachineException e) {
        loadErrors.add(e.getMessage());
      }
    }
    if (!loadErrors.isEmpty()) {
      throw new MachineException(String.join("\n", loadErrors));
    }
    if (hosts.isEmpty()) {
      throw new MachineException("All specified hosts had errors loading their configuration");
    }

    List<String> errors = new ArrayList<>();
    if (hosts.size() == 1) {
      runOne(hosts.get(0), action, errors);
    } else {
      runConcurrently(hosts, action, errors);
    }
    if (!errors.isEmpty()) {
      throw new MachineException(String.join("\n", errors));
    }
  }

  private void runConcurrently(List<Host> hosts, Consumer<Host> action, List<String> errors) {
    ExecutorService pool = Executors.newFixedThreadPool(hosts.size(), MultiHostAction::daemon);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (Host host : hosts) {
        results.add(
            pool.submit(
                () -> {
                  List<String> own = new ArrayList<>();
                  runOne(host, action, own);
                  return own;
                }));
      }
      for (Future<List<String>> result : results) {
        try {
          errors.addAll(result.get());
        } catch (ExecutionException e) {
          errors.add(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MachineException("Interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void runOne(Host host, Consumer<Host> action, List<String> errors) {
    try {
      action.accept(host);
    } catch (RuntimeException e) {
      errors.add(e.getMessage());
    }
    // Saved even after a failure: a half-done start may already have changed the driver's state.
    // Under the machine's lock and only while it exists: an 'rm' that finished during a long
    // 'stop' must not see the machine come back.
    try {
      store.withMachineLock(
          host.name(),
          () -> {
            if (store.exists(host.name())) {
              store.save(host);
            }
            return null;
          });
    } catch (RuntimeException e) {
      errors.add("Error saving host to store: " + e.getMessage());
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "machine-action");
    t.setDaemon(true);
    return t;
  }
}
