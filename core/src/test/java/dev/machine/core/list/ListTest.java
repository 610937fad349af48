package dev.machine.core.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.driver.BatchStateQuery;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.NotFoundDriver;
import dev.machine.core.driver.State;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import dev.machine.core.host.SwarmOptions;
import dev.machine.core.testing.HostFixtures;
import dev.machine.core.testing.MemoryStore;
import dev.machine.core.testing.ScriptedDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ListTest {
  final Path root = Path.of("/store");
  final MemoryStore store = new MemoryStore(root);
  final DockerVersionQuery versions = (auth, url, timeout) -> {
    if (url.contains("10.0.0.9")) {
      throw new MachineException("Get \"https://10.0.0.9:2376/v1.15/version\": connection refused");
    }
    return "24.0.7";
  };

  ScriptedDriver add(String name, String driverName, State state, List<String> labels) {
    ScriptedDriver d = new ScriptedDriver(driverName, name);
    d.state = state;
    d.url = "tcp://10.0.0." + (name.length()) + ":2376";
    store.with(HostFixtures.host(root, name, d, labels));
    return d;
  }

  HostLister lister(String dockerHost) {
    return new HostLister(store, new HostStateFetcher(versions, dockerHost));
  }

  List<String> names(String... filters) {
    return lister("").names(ListFilters.parse(List.of(filters)));
  }

  @Test
  void filtersOrWithinAKeyAndAndAcrossKeys() {
    add("web1", "generic", State.RUNNING, List.of("env=prod", "tier=web"));
    add("web2", "amazonec2", State.STOPPED, List.of("env=dev"));
    add("db1", "generic", State.STOPPED, List.of("env=PROD"));

    assertThat(names("driver=GENERIC")).containsExactly("db1", "web1");
    assertThat(names("driver=generic", "driver=amazonec2")).containsExactly("db1", "web1", "web2");
    assertThat(names("driver=generic", "state=stopped")).containsExactly("db1");
    assertThat(names("name=^web")).containsExactly("web1", "web2");
    assertThat(names("name=b")).containsExactly("db1", "web1", "web2");
    assertThat(names("label=env=prod")).containsExactly("db1", "web1");
    assertThat(names("label=tier")).containsExactly("web1");
    assertThat(names("label=nope")).isEmpty();
    assertThat(names("state=None")).isEmpty();
    assertThat(names("NAME=1$")).containsExactly("db1", "web1");
  }

  @Test
  void badFiltersAreRejected() {
    assertThatThrownBy(() -> ListFilters.parse(List.of("driver"))).hasMessage("Unsupported filter syntax");
    assertThatThrownBy(() -> ListFilters.parse(List.of("bogus=1"))).hasMessage("Unsupported filter key 'bogus'");
    // A bad pattern only matters once there is a machine to match.
    assertThat(names("name=(")).isEmpty();
    add("a", "none", State.RUNNING, List.of());
    assertThatThrownBy(() -> names("name=(")).hasMessageStartingWith("error parsing regexp: ");
  }

  @Test
  void swarmFilterMatchesTheMastersName() {
    ScriptedDriver m = new ScriptedDriver("generic", "master");
    store.with(new Host("master", "generic", m, HostFixtures.options(root, "master", List.of(), true, "token://x")));
    ScriptedDriver a = new ScriptedDriver("generic", "agent");
    store.with(new Host("agent", "generic", a, HostFixtures.options(root, "agent", List.of(), false, "token://x")));
    add("solo", "generic", State.RUNNING, List.of());

    assertThat(names("swarm=MASTER")).containsExactly("agent", "master");
    List<HostListItem> items = lister("").list(ListFilters.parse(List.of()), Duration.ofSeconds(5));
    assertThat(items).extracting(HostListItem::swarm).containsExactly("master", "master (master)", "");
  }

  @Test
  void theSwarmColumnDoesNotDependOnIsSwarm() {
    // What a v0 config.json migrates to: a master with a discovery URL, but IsSwarm false.
    HostOptions fixture = HostFixtures.options(root, "old", List.of(), true, "token://abc");
    SwarmOptions s = fixture.swarmOptions();
    SwarmOptions migrated =
        new SwarmOptions(false, "", "token://abc", false, true, s.host(), s.image(), s.strategy(), 0, 0, null, null,
            null, false);
    store.with(new Host("old", "none", new ScriptedDriver("none", "old"),
        new HostOptions("", 0, 0, fixture.engineOptions(), migrated, fixture.authOptions())));

    List<HostListItem> items = lister("").list(ListFilters.parse(List.of()), Duration.ofSeconds(5));

    assertThat(items).extracting(HostListItem::swarm).containsExactly("old (master)");
    assertThat(names("swarm=old")).containsExactly("old");
  }

  @Test
  void rowsShowStateUrlVersionActiveAndErrors() {
    add("run", "none", State.RUNNING, List.of()).url = "tcp://10.0.0.5:2376";
    add("stopped", "generic", State.STOPPED, List.of());
    add("refused", "generic", State.RUNNING, List.of()).url = "tcp://10.0.0.9:2376";
    store.broken("broken", "Error getting migrated host: invalid character 'b'\nlooking for beginning");

    List<HostListItem> items = lister("tcp://10.0.0.5:2376").list(ListFilters.parse(List.of()), Duration.ofSeconds(5));

    assertThat(items).extracting(HostListItem::name).containsExactly("broken", "refused", "run", "stopped");
    HostListItem broken = items.get(0);
    assertThat(broken.driverName()).isEqualTo("not found");
    assertThat(broken.state()).isEqualTo(State.ERROR);
    assertThat(broken.active()).isEmpty();
    assertThat(broken.error()).isEqualTo("Error getting migrated host: invalid character 'b'looking for beginning");

    HostListItem refused = items.get(1);
    assertThat(refused.dockerVersion()).isEqualTo("Unknown");
    assertThat(refused.error())
        .isEqualTo("Unable to query docker version: Get \"https://10.0.0.9:2376/v1.15/version\": connection refused");
    assertThat(refused.active()).isEqualTo("-");

    HostListItem run = items.get(2);
    assertThat(run.active()).isEqualTo("*");
    assertThat(run.activeHost()).isTrue();
    assertThat(run.state()).isEqualTo(State.RUNNING);
    assertThat(run.dockerVersion()).isEqualTo("v24.0.7");
    assertThat(run.error()).isEmpty();

    HostListItem stopped = items.get(3);
    assertThat(stopped.state()).isEqualTo(State.STOPPED);
    assertThat(stopped.url()).isEmpty();
    assertThat(stopped.error()).as("Host is not running is hidden").isEmpty();
    assertThat(stopped.dockerVersion()).isEqualTo("Unknown");
  }

  @Test
  void aMachineWhoseDriverIsNotInstalledIsListedWithDriverNotFoundAndStateError() {
    ObjectNode config = JsonNodeFactory.instance.objectNode().put("MachineName", "vb");
    store.with(
        new Host("vb", "virtualbox", new NotFoundDriver("virtualbox", "vb", config),
            HostFixtures.options(root, "vb", List.of(), false, "")));

    List<HostListItem> items = lister("").list(ListFilters.parse(List.of()), Duration.ofSeconds(5));

    assertThat(items).singleElement().satisfies(vb -> {
      assertThat(vb.driverName()).isEqualTo("not found");
      assertThat(vb.state()).isEqualTo(State.ERROR);
      assertThat(vb.active()).isEqualTo("-");
      assertThat(vb.error())
          .isEqualTo("Driver \"virtualbox\" not found. Do you have the plugin binary accessible in your PATH?");
    });
    // The driver filter still matches the name recorded in config.json.
    assertThat(names("driver=virtualbox")).containsExactly("vb");
  }

  @Test
  void aMachineThatDoesNotAnswerInTimeGetsATimeoutRowAndTheOthersTheirState() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ScriptedDriver slow = add("slow", "generic", State.RUNNING, List.of());
    slow.url = "";
    slow.stateAnswer = () -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return State.RUNNING;
    };
    add("fast", "none", State.RUNNING, List.of());

    List<HostListItem> items = lister("").list(ListFilters.parse(List.of()), Duration.ofMillis(300));
    assertThat(items).extracting(HostListItem::name).containsExactly("fast", "slow");
    assertThat(items.get(0).state()).isEqualTo(State.RUNNING);
    assertThat(items.get(1).state()).isEqualTo(State.TIMEOUT);
    assertThat(items.get(1).active()).isEmpty();
    assertThatThrownBy(() -> lister("").active(Duration.ofMillis(300))).hasMessage("Error getting active host: timeout");
    never.countDown();
  }

  @Test
  void activeNamesTheMachineDockerHostPointsAt() {
    add("a", "none", State.RUNNING, List.of()).url = "tcp://1.1.1.1:2376";
    add("b", "none", State.RUNNING, List.of()).url = "tcp://2.2.2.2:2376";
    assertThat(lister("tcp://2.2.2.2:2376").active(Duration.ofSeconds(5))).isEqualTo("b");
    assertThatThrownBy(() -> lister("tcp://3.3.3.3:2376").active(Duration.ofSeconds(5)))
        .hasMessage("No active host found");
  }

  /** A driver whose provider answers for a whole group in one call. */
  static final class BatchDriver implements BatchStateQuery {
    static final AtomicInteger calls = new AtomicInteger();
    final Map<String, State> answer;

    BatchDriver(Map<String, State> answer) {
      this.answer = answer;
    }

    @Override
    public Object groupKey() {
      return "us-east-1";
    }

    @Override
    public Map<String, State> states(List<Driver> group) {
      calls.incrementAndGet();
      Map<String, State> out = new HashMap<>();
      group.forEach(d -> out.put(d.machineName(), answer.get(d.machineName())));
      return out;
    }
  }

  @Test
  void batchCapableDriversAreAskedOncePerGroup() {
    Map<String, State> answer = Map.of("e1", State.RUNNING, "e2", State.STOPPED, "e3", State.STOPPED);
    BatchDriver batch = new BatchDriver(answer);
    for (String name : List.of("e1", "e2", "e3")) {
      ScriptedDriver d = new ScriptedDriver("amazonec2", name);
      d.batch = batch;
      d.state = answer.get(name);
      d.stateAnswer = () -> {
        if (!name.equals("e1")) {
          throw new AssertionError("state of " + name + " asked one by one");
        }
        return State.RUNNING;
      };
      store.with(HostFixtures.host(root, name, d, List.of()));
    }
    BatchDriver.calls.set(0);
    List<HostListItem> items = lister("").list(ListFilters.parse(List.of()), Duration.ofSeconds(5));
    assertThat(BatchDriver.calls.get()).isEqualTo(1);
    assertThat(items).extracting(HostListItem::state).containsExactly(State.RUNNING, State.STOPPED, State.STOPPED);
    assertThat(items.get(0).dockerVersion()).isEqualTo("v24.0.7");
  }

  @Test
  void naturalOrder() {
    List<String> names = new java.util.ArrayList<>(List.of("m10", "M2", "m1", "a", "m2b"));
    names.sort(NaturalOrder.INSTANCE);
    assertThat(names).containsExactly("a", "m1", "M2", "m2b", "m10");
  }
}
