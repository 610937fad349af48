package dev.machine.core.driver;

import java.util.List;

/**
 * A driver's entry in {@code META-INF/services/dev.machine.core.driver.DriverProvider}. Providers
 * are loaded for every command, so they must stay light: no reference to a provider SDK's classes
 * outside {@link #newDriver}.
 */
public interface DriverProvider {
  /** The driver's name, as given to {@code create -d}. */
  String name();

  /** The driver's create flags, as data. */
  List<CreateFlag> createFlags();

  /** A new driver with its defaults, for the given machine. */
  Driver newDriver(DriverContext context);
}
