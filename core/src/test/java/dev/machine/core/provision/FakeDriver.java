package dev.machine.core.provision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.driver.BaseDriver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverOptions;
import dev.machine.core.driver.State;

/** A running machine at a fixed address, for provisioning tests. */
final class FakeDriver extends BaseDriver {
  private final String url;

  FakeDriver(DriverContext context, String ip, String url) {
    super(context);
    this.ipAddress = ip;
    this.url = url;
  }

  /** As above, with SSH on {@code sshPort} (a test server's). */
  FakeDriver(DriverContext context, String ip, String url, int sshPort) {
    this(context, ip, url);
    this.sshPort = sshPort;
  }

  @Override
  public String driverName() {
    return "fake";
  }

  @Override
  protected void readFields(ObjectNode config) {}

  @Override
  protected void writeFields(ObjectNode config) {}

  @Override
  public void setConfigFromFlags(DriverOptions options) {}

  @Override
  public void create() {}

  @Override
  public void remove() {}

  @Override
  public void start() {}

  @Override
  public void stop() {}

  @Override
  public void kill() {}

  @Override
  public void restart() {}

  @Override
  public State state() {
    return State.RUNNING;
  }

  @Override
  public String url() {
    return url;
  }
}
