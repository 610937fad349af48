package dev.machine.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.State;
import dev.machine.core.provision.Provisioning;
import dev.machine.core.testing.HostFixtures;
import dev.machine.core.testing.MemoryStore;
import dev.machine.core.testing.ScriptedDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HostLifecycleTest {
  final Path root = Path.of("/store");
  final List<String> lines = new CopyOnWriteArrayList<>();
  final List<String> remote = new CopyOnWriteArrayList<>();
  final Progress progress =
      new Progress() {
        @Override
        public void info(String message) {
          lines.add(message);
        }

        @Override
        public void warn(String message) {
          lines.add(message);
        }
      };
  final Provisioning provisioning =
      new Provisioning() {
        @Override
        public void provision(Host host, Progress p) {
          remote.add("provision");
        }

        @Override
        public void waitForDocker(Host host, Progress p) {
          remote.add("waitForDocker");
        }

        @Override
        public void configureAuth(Host host, Progress p) {
          remote.add("configureAuth");
        }

        @Override
        public void upgrade(Host host, Progress p) {
          remote.add("upgrade");
        }
      };
  final HostLifecycle lifecycle = new HostLifecycle(provisioning, new RetryWait(2, Duration.ZERO, d -> {}), progress);

  Host host(String driverName, State state) {
    ScriptedDriver d = new ScriptedDriver(driverName, "dev");
    d.state = state;
    return HostFixtures.host(root, "dev", d, List.of());
  }

  @Test
  void startWaitsForRunningThenForDocker() {
    Host h = host("generic", State.STOPPED);
    lifecycle.start(h);
    assertThat(lines).containsExactly("Starting \"dev\"...", "Machine \"dev\" was started.");
    assertThat(remote).containsExactly("waitForDocker");
  }

  @Test
  void actionsOnAMachineAlreadyInTheTargetStateFail() {
    assertThatThrownBy(() -> lifecycle.start(host("generic", State.RUNNING)))
        .hasMessage("Machine \"dev\" is already running.");
    assertThatThrownBy(() -> lifecycle.stop(host("generic", State.STOPPED)))
        .hasMessage("Machine \"dev\" is already stopped.");
    assertThatThrownBy(() -> lifecycle.kill(host("generic", State.STOPPED)))
        .hasMessage("Machine \"dev\" is already stopped.");
  }

  @Test
  void stopAndKillWaitForStopped() {
    lifecycle.stop(host("generic", State.RUNNING));
    lifecycle.kill(host("generic", State.RUNNING));
    assertThat(lines)
        .containsExactly(
            "Stopping \"dev\"...", "Machine \"dev\" was stopped.", "Killing \"dev\"...", "Machine \"dev\" was killed.");
  }

  @Test
  void aStopThatNeverHappensTimesOut() {
    Host h = host("generic", State.RUNNING);
    ((ScriptedDriver) h.driver()).stateAnswer = () -> State.RUNNING;
    assertThatThrownBy(() -> lifecycle.stop(h)).hasMessage("Maximum number of retries (2) exceeded");
  }

  @Test
  void restartStartsAStoppedMachineAndRestartsARunningOne() {
    Host stopped = host("generic", State.STOPPED);
    lifecycle.restart(stopped);
    assertThat(((ScriptedDriver) stopped.driver()).calls).containsExactly("start");

    Host running = host("generic", State.RUNNING);
    lifecycle.restart(running);
    assertThat(((ScriptedDriver) running.driver()).calls).containsExactly("restart");
    assertThat(remote).containsExactly("waitForDocker", "waitForDocker");
  }

  @Test
  void noneMachinesCannotBeProvisionedOrUpgradedButGetFreshCertificateCopies() {
    assertThatThrownBy(() -> lifecycle.provision(host("none", State.RUNNING)))
        .isInstanceOf(MachineException.class)
        .hasMessage("hosts without a driver cannot be provisioned");
    assertThatThrownBy(() -> lifecycle.upgrade(host("none", State.RUNNING)))
        .hasMessage("hosts without a driver cannot be upgraded");
    assertThat(remote).isEmpty();
  }

  @Test
  void upgradeStartsAStoppedMachineFirst() {
    lifecycle.upgrade(host("generic", State.STOPPED));
    assertThat(lines).startsWith("Starting machine so machine can be upgraded...", "Starting \"dev\"...");
    assertThat(remote).containsExactly("waitForDocker", "upgrade");
  }

  @Test
  void multiHostActionRunsOnEveryMachineAndSavesEach() {
    MemoryStore store = new MemoryStore(root);
    for (String name : List.of("a", "b", "c")) {
      ScriptedDriver d = new ScriptedDriver("generic", name);
      d.state = State.STOPPED;
      store.with(HostFixtures.host(root, name, d, List.of()));
    }
    new MultiHostAction(store).run(List.of("a", "b", "c"), lifecycle::start);
    assertThat(store.saves).containsOnlyKeys("a", "b", "c");
    assertThat(lines).contains("Machine \"a\" was started.", "Machine \"b\" was started.", "Machine \"c\" was started.");
  }

  @Test
  void multiHostActionRunsNothingWhenAMachineFailsToLoad() {
    MemoryStore store = new MemoryStore(root).broken("bad", "unexpected end of JSON input");
    ScriptedDriver d = new ScriptedDriver("generic", "a");
    d.state = State.STOPPED;
    store.with(HostFixtures.host(root, "a", d, List.of()));

    assertThatThrownBy(() -> new MultiHostAction(store).run(List.of("a", "bad", "nope"), lifecycle::start))
        .hasMessageStartingWith("unexpected end of JSON input\nDocker machine \"nope\" does not exist.");
    assertThat(d.calls).isEmpty();
  }

  @Test
  void multiHostActionJoinsErrors() {
    MemoryStore store = new MemoryStore(root);
    store.with(HostFixtures.host(root, "a", new ScriptedDriver("generic", "a"), List.of()));
    store.with(HostFixtures.host(root, "b", new ScriptedDriver("generic", "b"), List.of()));
    assertThatThrownBy(() -> new MultiHostAction(store).run(List.of("a", "b"), lifecycle::start))
        .hasMessage("Machine \"a\" is already running.\nMachine \"b\" is already running.");
  }

  @Test
  void removerRemovesRemoteThenLocalAndKeepsLocalWhenRemoteFailsUnlessForced() {
    MemoryStore store = new MemoryStore(root);
    ScriptedDriver ok = new ScriptedDriver("generic", "ok");
    ScriptedDriver failing = new ScriptedDriver("generic", "bad");
    failing.failOnRemove = new MachineException("instance is protected");
    store.with(HostFixtures.host(root, "ok", ok, List.of())).with(HostFixtures.host(root, "bad", failing, List.of()));
    HostRemover remover = new HostRemover(store, progress);

    assertThat(remover.remove("ok", false)).isEmpty();
    assertThat(store.exists("ok")).isFalse();
    assertThat(lines).contains("Successfully removed ok");

    assertThat(remover.remove("bad", false)).containsExactly("Error removing host \"bad\": instance is protected");
    assertThat(store.exists("bad")).isTrue();
    assertThat(remover.remove("bad", true)).containsExactly("Error removing host \"bad\": instance is protected");
    assertThat(store.exists("bad")).isFalse();

    assertThat(remover.remove("ghost", true))
        .containsExactly(
            "Error removing host \"ghost\": Docker machine \"ghost\" does not exist. Use \"docker-machine ls\" to list "
                + "machines. Use \"docker-machine create\" to add a new one.",
            "Can't remove \"ghost\"");
  }
}
