package dev.machine.core.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;

/**
 * Stands in for a driver that is not installed (Docker Machine's errdriver), so that {@code ls}
 * still lists the machine and {@code rm -f} can remove it. Its JSON is kept untouched.
 */
public final class NotFoundDriver implements Driver {
  private final String name;
  private final String machineName;
  private ObjectNode config;

  public NotFoundDriver(String name, String machineName, ObjectNode config) {
    this.name = name;
    this.machineName = machineName;
    this.config = config;
  }

  private MachineException notLoadable() {
    return new MachineException(
        "Driver \"" + name + "\" not found. Do you have the plugin binary accessible in your PATH?");
  }

  /** The name recorded in config.json; {@code ls} shows {@code not found} instead. */
  @Override
  public String driverName() {
    return name;
  }

  @Override
  public String machineName() {
    return machineName;
  }

  @Override
  public void readConfig(ObjectNode config) {
    this.config = config.deepCopy();
  }

  @Override
  public ObjectNode writeConfig() {
    return config.deepCopy();
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    throw notLoadable();
  }

  @Override
  public void preCreateCheck() {
    throw notLoadable();
  }

  @Override
  public void create() {
    throw notLoadable();
  }

  @Override
  public void remove() {
    throw notLoadable();
  }

  @Override
  public void start() {
    throw notLoadable();
  }

  @Override
  public void stop() {
    throw notLoadable();
  }

  @Override
  public void kill() {
    throw notLoadable();
  }

  @Override
  public void restart() {
    throw notLoadable();
  }

  @Override
  public State state() {
    return State.ERROR;
  }

  @Override
  public String url() {
    throw notLoadable();
  }

  @Override
  public String ip() {
    throw notLoadable();
  }

  @Override
  public String sshHostname() {
    throw notLoadable();
  }

  @Override
  public int sshPort() {
    throw notLoadable();
  }

  @Override
  public String sshUsername() {
    throw notLoadable();
  }

  @Override
  public String sshKeyPath() {
    throw notLoadable();
  }
}
