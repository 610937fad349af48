package dev.machine.drivers.none;

import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverProvider;
import java.util.List;

/** Registers the {@code none} driver: a machine that is only a Docker URL. */
public final class NoneDriverProvider implements DriverProvider {
  @Override
  public String name() {
    return NoneDriver.NAME;
  }

  @Override
  public List<CreateFlag> createFlags() {
    // Docker Machine's --url has no environment variable.
    return List.of(CreateFlag.string("url", "", "", "URL of host when no driver is selected"));
  }

  @Override
  public Driver newDriver(DriverContext context) {
    return new NoneDriver(context);
  }
}
