package dev.machine.drivers.none;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.driver.BaseDriver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverOptions;
import dev.machine.core.driver.State;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Attaches an existing Docker URL: no SSH, no provisioning, nothing to create or remove. Its
 * state is always {@link State#RUNNING}; lifecycle actions fail as Docker Machine's do.
 */
public final class NoneDriver extends BaseDriver {
  static final String NAME = "none";

  private String url = "";

  NoneDriver(DriverContext context) {
    super(context);
  }

  @Override
  public String driverName() {
    return NAME;
  }

  @Override
  protected void readFields(ObjectNode config) {
    url = text(config, "URL");
  }

  @Override
  protected void writeFields(ObjectNode config) {
    config.put("URL", url);
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    String value = options.string("url");
    if (value.isEmpty()) {
      throw new MachineException("--url option is required when no driver is selected");
    }
    ipAddress = hostOf(value);
    url = value;
  }

  /** Go's {@code url.Host}: the authority without user info, port included ({@code 10.0.0.5:2376}). */
  static String hostOf(String url) {
    try {
      String authority = new URI(url).getRawAuthority();
      if (authority == null) {
        return "";
      }
      int at = authority.lastIndexOf('@');
      return at < 0 ? authority : authority.substring(at + 1);
    } catch (URISyntaxException e) {
      throw new MachineException("invalid --url \"" + url + "\": " + e.getMessage());
    }
  }

  @Override
  public void create() {}

  @Override
  public void remove() {}

  @Override
  public void start() {
    throw new MachineException("hosts without a driver cannot be started");
  }

  @Override
  public void stop() {
    throw new MachineException("hosts without a driver cannot be stopped");
  }

  @Override
  public void kill() {
    throw new MachineException("hosts without a driver cannot be killed");
  }

  @Override
  public void restart() {
    throw new MachineException("hosts without a driver cannot be restarted");
  }

  @Override
  public State state() {
    return State.RUNNING;
  }

  @Override
  public String url() {
    return url;
  }

  // A none machine has no SSH: Docker Machine reports an empty host, user and key, and port 0.
  @Override
  public String sshHostname() {
    return "";
  }

  @Override
  public int sshPort() {
    return 0;
  }

  @Override
  public String sshUsername() {
    return "";
  }

  @Override
  public String sshKeyPath() {
    return "";
  }
}
