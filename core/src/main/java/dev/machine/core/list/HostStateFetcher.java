package dev.machine.core.list;

import dev.machine.core.DebugLog;
import dev.machine.core.driver.BatchStateQuery;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.HostNotRunningException;
import dev.machine.core.driver.State;
import dev.machine.core.golang.GoDuration;
import dev.machine.core.host.Host;
import dev.machine.core.host.SwarmOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the state, URL and Docker version of many machines at once (Docker Machine's
 * {@code getHostListItems}), within one overall timeout; a machine that does not answer in time
 * gets a {@code Timeout} row. Drivers that can answer for a group of machines in one call
 * ({@link BatchStateQuery}) are asked once per group.
 */
public final class HostStateFetcher {
  private static final String UNABLE_TO_QUERY = "Unable to query docker version: ";

  private final DockerVersionQuery versions;
  private final String dockerHost;

  /**
   * @param versions how to ask a daemon for its version
   * @param dockerHost the value of {@code $DOCKER_HOST}, to mark the active machine ("" if unset)
   */
  public HostStateFetcher(DockerVersionQuery versions, String dockerHost) {
    this.versions = versions;
    this.dockerHost = dockerHost == null ? "" : dockerHost;
  }

  /** One item per host, in the given order. */
  public List<HostListItem> fetch(List<Host> hosts, Map<String, String> swarmMasters, Duration timeout) {
    if (hosts.isEmpty()) {
      return List.of();
    }
    if (DebugLog.enabled()) {
      DebugLog.debug(HostStateFetcher.class, "Fetching the state of {} machines, timeout {}", hosts.size(),
          GoDuration.format(timeout));
    }
    ExecutorService pool = Executors.newCachedThreadPool(HostStateFetcher::daemon);
    try {
      Map<Object, CompletableFuture<Map<String, State>>> batches = startBatches(hosts, pool);
      List<CompletableFuture<HostListItem>> futures = new ArrayList<>();
      for (Host host : hosts) {
        CompletableFuture<Map<String, State>> batch = batchOf(host, batches);
        futures.add(
            CompletableFuture.supplyAsync(() -> item(host, batch, swarmMasters, timeout), pool));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      List<HostListItem> items = new ArrayList<>();
      for (int i = 0; i < hosts.size(); i++) {
        items.add(await(futures.get(i), deadline, hosts.get(i), timeout));
      }
      return items;
    } finally {
      // Threads still talking to a slow provider are daemons: they do not keep the process alive.
      pool.shutdownNow();
    }
  }

  private Map<Object, CompletableFuture<Map<String, State>>> startBatches(List<Host> hosts, ExecutorService pool) {
    Map<Object, List<Driver>> groups = new LinkedHashMap<>();
    Map<Object, BatchStateQuery> queries = new LinkedHashMap<>();
    for (Host host : hosts) {
      host.driver()
          .batchStateQuery()
          .ifPresent(
              q -> {
                groups.computeIfAbsent(q.groupKey(), k -> new ArrayList<>()).add(host.driver());
                queries.putIfAbsent(q.groupKey(), q);
              });
    }
    Map<Object, CompletableFuture<Map<String, State>>> batches = new LinkedHashMap<>();
    groups.forEach(
        (key, drivers) -> {
          DebugLog.debug(HostStateFetcher.class, "One state query for {} machines: {}", drivers.size(), key);
          batches.put(key, CompletableFuture.supplyAsync(() -> queries.get(key).states(drivers), pool));
        });
    return batches;
  }

  private static CompletableFuture<Map<String, State>> batchOf(
      Host host, Map<Object, CompletableFuture<Map<String, State>>> batches) {
    return host.driver().batchStateQuery().map(q -> batches.get(q.groupKey())).orElse(null);
  }

  private HostListItem await(CompletableFuture<HostListItem> future, long deadline, Host host, Duration timeout) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      if (DebugLog.enabled()) {
        DebugLog.debug(HostStateFetcher.class, "{}: no answer within {}", host.name(), GoDuration.format(timeout));
      }
      return new HostListItem(
          host.name(), "", false, false, host.driver().driverName(), State.TIMEOUT, "", null, "", null, "", "",
          timeout);
    } catch (ExecutionException e) {
      return errorItem(host, String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return errorItem(host, "interrupted");
    }
  }

  private static HostListItem errorItem(Host host, String error) {
    return new HostListItem(
        host.name(), "", false, false, host.driver().driverName(), State.ERROR, "", null, "", null, error, "",
        Duration.ZERO);
  }

  private HostListItem item(
      Host host, CompletableFuture<Map<String, State>> batch, Map<String, String> swarmMasters, Duration timeout) {
    long begin = System.nanoTime();
    Driver driver = host.driver();
    String url = "";
    State state = State.NONE;
    String dockerVersion = "Unknown";
    String error = null;

    Map<String, State> batchStates = batch == null ? null : batchStates(batch);
    if (batchStates != null && batchStates.get(host.name()) != State.RUNNING) {
      // The provider said it is not running: no need to ask for a URL.
      state = batchStates.getOrDefault(host.name(), State.ERROR);
      if (!batchStates.containsKey(host.name())) {
        error = "the provider did not report this machine's state";
      }
    } else {
      try {
        url = nullToEmpty(driver.url());
        state = url.isEmpty() ? driver.state() : State.RUNNING;
      } catch (RuntimeException e) {
        error = e.getMessage();
        url = "";
        try {
          state = driver.state();
        } catch (RuntimeException ignored) {
          state = State.ERROR;
        }
      }
    }

    if (error == null && !url.isEmpty()) {
      try {
        dockerVersion = "v" + versions.serverVersion(host.hostOptions().authOptions(), url, timeout);
      } catch (RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        error = message.startsWith(UNABLE_TO_QUERY) ? message : UNABLE_TO_QUERY + message;
      }
    }
    if (HostNotRunningException.MESSAGE.equals(error)) {
      error = null;
    }

    SwarmOptions swarm = host.hostOptions().swarmOptions();
    boolean master = swarm != null && swarm.master();
    boolean activeHost = state == State.RUNNING && url.equals(dockerHost);
    boolean activeSwarm =
        master && state == State.RUNNING && swarmUrl(url, swarm.host()).equals(dockerHost);
    String active = activeSwarm ? "* (swarm)" : activeHost ? "*" : "-";
    String swarmColumn = "";
    // No IsSwarm test, as in Docker Machine: a master migrated from config v0 has IsSwarm false.
    if (swarm != null && swarm.discovery() != null && !swarm.discovery().isEmpty()) {
      swarmColumn = swarmMasters.getOrDefault(swarm.discovery(), "") + (master ? " (master)" : "");
    }
    Duration responseTime = Duration.ofMillis(Math.round((System.nanoTime() - begin) / 1e6));
    DebugLog.debug(HostStateFetcher.class, "{}: state {}, URL {}, Docker {}, error {} ({} ms)", host.name(),
        state, url, dockerVersion, error, responseTime.toMillis());
    return new HostListItem(
        host.name(), active, activeHost, activeSwarm, driver.driverName(), state, url, swarm, swarmColumn,
        host.hostOptions().engineOptions(), error == null ? "" : error, dockerVersion, responseTime);
  }

  private static Map<String, State> batchStates(CompletableFuture<Map<String, State>> batch) {
    try {
      return batch.get();
    } catch (ExecutionException e) {
      return null; // fall back to asking this machine's driver directly
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The host's URL with the port of {@code --swarm-host} ({@code tcp://ip:3376}). */
  static String swarmUrl(String hostUrl, String swarmHost) {
    try {
      String ip = URI.create(hostUrl).getHost();
      int port = URI.create(swarmHost).getPort();
      return "tcp://" + (ip == null ? "" : ip) + ":" + (port < 0 ? "" : port);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "machine-ls");
    t.setDaemon(true);
    return t;
  }
}
