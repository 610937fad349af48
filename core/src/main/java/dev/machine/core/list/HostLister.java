package dev.machine.core.list;

import dev.machine.core.MachineException;
import dev.machine.core.driver.NotFoundDriver;
import dev.machine.core.driver.State;
import dev.machine.core.host.Host;
import dev.machine.core.host.SwarmOptions;
import dev.machine.core.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads, filters and describes the machines of a store, as {@code ls} and {@code active} show them. */
public final class HostLister {
  private final Store store;
  private final HostStateFetcher fetcher;

  public HostLister(Store store, HostStateFetcher fetcher) {
    this.store = store;
    this.fetcher = fetcher;
  }

  /** The machines that loaded, and a row for each one that did not. */
  public record Loaded(List<Host> hosts, List<HostListItem> failed) {}

  public Loaded loadAll() {
    List<Host> hosts = new ArrayList<>();
    List<HostListItem> failed = new ArrayList<>();
    for (String name : store.list()) {
      try {
        hosts.add(store.load(name));
      } catch (MachineException e) {
        String error = String.valueOf(e.getMessage()).replace("\n", "");
        failed.add(
            new HostListItem(name, "", false, false, NotFoundDriver.DISPLAY_NAME, State.ERROR, "", null, "", null, error, "",
                Duration.ZERO));
      }
    }
    return new Loaded(hosts, failed);
  }

  /** The names of the loaded machines that pass the filters, in byte order ({@code ls -q}). */
  public List<String> names(ListFilters filters) {
    Loaded loaded = loadAll();
    List<String> names = new ArrayList<>();
    for (Host host : filter(loaded.hosts(), filters)) {
      names.add(host.name());
    }
    names.sort(null);
    return names;
  }

  /** Every row: filtered machines with their state, plus machines that failed to load, naturally sorted. */
  public List<HostListItem> list(ListFilters filters, Duration timeout) {
    Loaded loaded = loadAll();
    List<Host> hosts = filter(loaded.hosts(), filters);
    List<HostListItem> items = new ArrayList<>(fetcher.fetch(hosts, swarmMasters(loaded.hosts()), timeout));
    items.addAll(loaded.failed());
    items.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name()));
    return items;
  }

  /** The name of the active machine ({@code active}), or Docker Machine's errors. */
  public String active(Duration timeout) {
    List<HostListItem> items = list(ListFilters.parse(List.of()), timeout);
    boolean timedOut = false;
    for (HostListItem item : items) {
      if (item.activeHost() || item.activeSwarm()) {
        return item.name();
      }
      timedOut |= item.state() == State.TIMEOUT;
    }
    throw new MachineException(timedOut ? "Error getting active host: timeout" : "No active host found");
  }

  private static List<Host> filter(List<Host> hosts, ListFilters filters) {
    if (filters.isEmpty()) {
      return hosts;
    }
    Map<String, String> masters = swarmMasters(hosts);
    List<Host> kept = new ArrayList<>();
    for (Host host : hosts) {
      if (filters.matches(host, masters)) {
        kept.add(host);
      }
    }
    return kept;
  }

  /** Discovery URL to the name of its swarm master. */
  static Map<String, String> swarmMasters(List<Host> hosts) {
    Map<String, String> masters = new HashMap<>();
    for (Host host : hosts) {
      SwarmOptions swarm = host.hostOptions().swarmOptions();
      if (swarm != null && swarm.master()) {
        masters.put(swarm.discovery(), host.name());
      }
    }
    return masters;
  }
}
