package dev.machine.core.host;

import dev.machine.core.driver.Driver;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A machine: its name, its driver (which holds the provider-specific state), and its options. The
 * driver is mutable (a new IP after a start); everything else is replaced, not changed.
 */
public final class Host {
  /** The version of config.json this code writes. */
  public static final int CONFIG_VERSION = 3;

  private static final Pattern VALID_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-.]*$");

  private final String name;
  private final String driverName;
  private final Driver driver;
  private final HostOptions hostOptions;

  public Host(String name, String driverName, Driver driver, HostOptions hostOptions) {
    this.name = Objects.requireNonNull(name, "name");
    this.driverName = Objects.requireNonNull(driverName, "driverName");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.hostOptions = Objects.requireNonNull(hostOptions, "hostOptions");
  }

  /** Docker Machine's host name rule: {@code ^[a-zA-Z0-9][a-zA-Z0-9\-\.]*$}. */
  public static boolean isValidName(String name) {
    return name != null && VALID_NAME.matcher(name).matches();
  }

  public String name() {
    return name;
  }

  /** The driver name recorded in config.json (also when that driver is not installed). */
  public String driverName() {
    return driverName;
  }

  public Driver driver() {
    return driver;
  }

  public HostOptions hostOptions() {
    return hostOptions;
  }
}
