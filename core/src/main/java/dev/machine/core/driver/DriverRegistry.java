package dev.machine.core.driver;

import dev.machine.core.MachineException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The drivers installed on the class path, discovered with {@link ServiceLoader}. */
public final class DriverRegistry {
  private final Map<String, DriverProvider> providers;

  public DriverRegistry(List<DriverProvider> providers) {
    Map<String, DriverProvider> byName = new TreeMap<>();
    for (DriverProvider p : providers) {
      byName.put(p.name(), p);
    }
    this.providers = Collections.unmodifiableMap(byName);
  }

  /** The providers registered in {@code META-INF/services} of the given class loader. */
  public static DriverRegistry discover(ClassLoader loader) {
    List<DriverProvider> found = new ArrayList<>();
    ServiceLoader.load(DriverProvider.class, loader).forEach(found::add);
    return new DriverRegistry(found);
  }

  public Optional<DriverProvider> find(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  /** The provider for {@code name}, or Docker Machine's "not found" error. */
  public DriverProvider require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new MachineException(
                    "Driver \""
                        + name
                        + "\" not found. Do you have the plugin binary \"docker-machine-driver-"
                        + name
                        + "\" accessible in your PATH?"));
  }

  /** Installed driver names, sorted. */
  public List<String> names() {
    return List.copyOf(providers.keySet());
  }
}
