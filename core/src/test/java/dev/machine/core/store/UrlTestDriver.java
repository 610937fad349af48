package dev.machine.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.driver.BaseDriver;
import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverOptions;
import dev.machine.core.driver.DriverProvider;
import dev.machine.core.driver.DriverRegistry;
import dev.machine.core.driver.State;
import java.util.List;

/**
 * A stand-in for the {@code none} driver (which lives in another module): Docker Machine's none
 * driver JSON is the BaseDriver fields plus {@code URL}. Only what the store tests need.
 */
class UrlTestDriver extends BaseDriver {
  static final String NAME = "none";

  private String url = "";

  UrlTestDriver(DriverContext context) {
    super(context);
  }

  /** A registry holding only this driver. */
  static DriverRegistry registry() {
    return new DriverRegistry(List.of(provider()));
  }

  static DriverProvider provider() {
    return new DriverProvider() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public List<CreateFlag> createFlags() {
        return List.of();
      }

      @Override
      public Driver newDriver(DriverContext context) {
        return new UrlTestDriver(context);
      }
    };
  }

  /** What {@code create -d none --url <url>} leaves: {@code IPAddress} is the URL's host:port. */
  void attach(String url) {
    this.url = url;
    this.ipAddress = java.net.URI.create(url).getRawAuthority();
  }

  /** Reports a progress line, as a real driver does while creating. */
  void say(String line) {
    progress().info(line);
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
  public String driverName() {
    return NAME;
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    attach(options.string("url"));
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
}
