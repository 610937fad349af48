package dev.machine.core.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;

/**
 * Stands in for a driver that is not installed (Docker Machine's errdriver), so that {@code ls}
 * still lists the machine (driver {@code not found}, state {@code Error}) and {@code rm -f} can
 * remove it. Every operation fails with the "not found" error, the state query included, so that
 * {@code status} reports it. Its JSON is kept untouched; the host keeps the recorded driver name.
 */
public final class NotFoundDriver implements Driver {
  /** What {@code ls} shows as the driver of a machine whose driver is missing or that failed to load. */
  public static final String DISPLAY_NAME = "not found";

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

  /**
   * {@value #DISPLAY_NAME}, as {@code ls} shows it; the name recorded in config.json stays in
   * {@link dev.machine.core.host.Host#driverName()}.
   */
  @Override
  public String driverName() {
    return DISPLAY_NAME;
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

  /** Fails, as Docker Machine's errdriver does; {@code ls} then shows the state {@code Error}. */
  @Override
  public State state() {
    throw notLoadable();
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
