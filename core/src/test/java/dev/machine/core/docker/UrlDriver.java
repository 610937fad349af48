package dev.machine.core.docker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.Progress;
import dev.machine.core.driver.BaseDriver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverOptions;
import dev.machine.core.driver.HostNotRunningException;
import dev.machine.core.driver.State;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import dev.machine.core.host.SwarmOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * A driver whose machine is "running" at a fixed Docker URL (or stopped, with a null URL): the
 * part under test is TLS to a real daemon, not a provider.
 */
final class UrlDriver extends BaseDriver {
  private final String url;

  UrlDriver(String name, Path store, String url) {
    super(new DriverContext(name, store, Progress.SILENT));
    this.url = url;
    this.ipAddress = url == null ? "" : DockerEndpoint.parse(url).host();
  }

  /** A host named {@code name} at {@code url} using {@code auth}, optionally a swarm master on {@code swarmHost}. */
  static Host host(String name, Path store, String url, AuthOptions auth, boolean swarmMaster, String swarmHost) {
    SwarmOptions swarm =
        new SwarmOptions(
            swarmMaster, "", "", false, swarmMaster, swarmHost, SwarmOptions.DEFAULT_IMAGE,
            SwarmOptions.DEFAULT_STRATEGY, 0, 0, List.of(), List.of(), List.of(), false);
    return new Host(name, "url", new UrlDriver(name, store, url), new HostOptions("url", 0, 0, null, swarm, auth));
  }

  static Host host(String name, Path store, String url, AuthOptions auth) {
    return host(name, store, url, auth, false, "");
  }

  @Override
  public String driverName() {
    return "url";
  }

  @Override
  public String url() {
    if (url == null) {
      throw new HostNotRunningException();
    }
    return url;
  }

  @Override
  public State state() {
    return url == null ? State.STOPPED : State.RUNNING;
  }

  @Override
  protected void readFields(ObjectNode config) {}

  @Override
  protected void writeFields(ObjectNode config) {}

  @Override
  public void setConfigFromFlags(DriverOptions options) {}

  @Override
  public void create() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void remove() {}

  @Override
  public void start() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void stop() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void kill() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void restart() {
    throw new UnsupportedOperationException();
  }
}
