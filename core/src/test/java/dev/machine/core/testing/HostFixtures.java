package dev.machine.core.testing;

import dev.machine.core.driver.Driver;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import dev.machine.core.host.SwarmOptions;
import java.nio.file.Path;
import java.util.List;

/** Hosts with the options {@code create} would give them, for tests. */
public final class HostFixtures {
  private HostFixtures() {}

  public static Host host(Path store, String name, Driver driver, List<String> labels) {
    return new Host(name, driver.driverName(), driver, options(store, name, labels, false, ""));
  }

  public static HostOptions options(Path store, String name, List<String> labels, boolean swarmMaster, String discovery) {
    EngineOptions engine =
        new EngineOptions(List.of(), null, "", List.of(), false, List.of(), List.copyOf(labels), "", "", false, true,
            List.of(), EngineOptions.DEFAULT_INSTALL_URL);
    SwarmOptions swarm =
        new SwarmOptions(swarmMaster || !discovery.isEmpty(), "", discovery, !discovery.isEmpty() && !swarmMaster,
            swarmMaster, SwarmOptions.DEFAULT_HOST, SwarmOptions.DEFAULT_IMAGE, SwarmOptions.DEFAULT_STRATEGY, 0, 0,
            List.of(), List.of(), null, false);
    return new HostOptions("", 0, 0, engine, swarm, StoreCertificates.authOptions(store, name));
  }
}
