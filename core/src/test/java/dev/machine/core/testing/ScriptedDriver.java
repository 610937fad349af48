package dev.machine.core.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.driver.BatchStateQuery;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverOptions;
import dev.machine.core.driver.HostNotRunningException;
import dev.machine.core.driver.State;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A driver whose answers a test sets: its state, URL and failures. Start/stop/kill/restart move
 * the state as a real machine would; every call is recorded in {@link #calls}.
 */
public final class ScriptedDriver implements Driver {
  private final String driverName;
  private final String machineName;
  public volatile State state = State.RUNNING;
  public volatile String url = "tcp://10.0.0.5:2376";
  public volatile String ip = "10.0.0.5";
  public volatile RuntimeException failOnCreate;
  public volatile RuntimeException failOnRemove;
  public volatile RuntimeException failOnPreCreate;
  /** Runs inside {@link #create()} and {@link #remove()}, e.g. to block or to look at the thread. */
  public volatile Runnable onCreate;

  public volatile Runnable onRemove;
  /** Runs inside {@link #state()}, e.g. to make it slow. */
  public volatile Supplier<State> stateAnswer;
  /** Answers for a group of machines, when set. */
  public volatile BatchStateQuery batch;
  public final List<String> calls = new CopyOnWriteArrayList<>();

  public ScriptedDriver(String driverName, String machineName) {
    this.driverName = driverName;
    this.machineName = machineName;
  }

  @Override
  public String driverName() {
    return driverName;
  }

  @Override
  public String machineName() {
    return machineName;
  }

  @Override
  public void readConfig(ObjectNode config) {}

  @Override
  public ObjectNode writeConfig() {
    return JsonNodeFactory.instance.objectNode().put("MachineName", machineName);
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {}

  @Override
  public void preCreateCheck() {
    calls.add("preCreateCheck");
    if (failOnPreCreate != null) {
      throw failOnPreCreate;
    }
  }

  @Override
  public void create() {
    calls.add("create");
    if (onCreate != null) {
      onCreate.run();
    }
    if (failOnCreate != null) {
      throw failOnCreate;
    }
  }

  @Override
  public void remove() {
    calls.add("remove");
    if (onRemove != null) {
      onRemove.run();
    }
    if (failOnRemove != null) {
      throw failOnRemove;
    }
  }

  @Override
  public void start() {
    calls.add("start");
    state = State.RUNNING;
  }

  @Override
  public void stop() {
    calls.add("stop");
    state = State.STOPPED;
  }

  @Override
  public void kill() {
    calls.add("kill");
    state = State.STOPPED;
  }

  @Override
  public void restart() {
    calls.add("restart");
    state = State.RUNNING;
  }

  @Override
  public State state() {
    return stateAnswer != null ? stateAnswer.get() : state;
  }

  @Override
  public String url() {
    if (state() != State.RUNNING) {
      throw new HostNotRunningException();
    }
    return url;
  }

  @Override
  public String ip() {
    if (ip.isEmpty()) {
      throw new MachineException("IP address is not set");
    }
    return ip;
  }

  @Override
  public String sshHostname() {
    return ip();
  }

  @Override
  public int sshPort() {
    return 22;
  }

  @Override
  public String sshUsername() {
    return "root";
  }

  @Override
  public String sshKeyPath() {
    return "";
  }

  @Override
  public Optional<BatchStateQuery> batchStateQuery() {
    return Optional.ofNullable(batch);
  }
}
