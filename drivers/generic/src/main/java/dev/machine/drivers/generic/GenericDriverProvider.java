package dev.machine.drivers.generic;

import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverProvider;
import java.util.List;

/** The {@code generic} driver: adopts an existing host reachable over SSH. */
public final class GenericDriverProvider implements DriverProvider {
  public static final String NAME = "generic";

  private static final List<CreateFlag> FLAGS =
      List.of(
          CreateFlag.integer(GenericDriver.FLAG_ENGINE_PORT, GenericDriver.DEFAULT_ENGINE_PORT, "GENERIC_ENGINE_PORT", "Docker engine port"),
          CreateFlag.string(GenericDriver.FLAG_IP_ADDRESS, "", "GENERIC_IP_ADDRESS", "IP Address of machine"),
          CreateFlag.string(GenericDriver.FLAG_SSH_USER, "root", "GENERIC_SSH_USER", "SSH user"),
          CreateFlag.string(
              GenericDriver.FLAG_SSH_KEY,
              "",
              "GENERIC_SSH_KEY",
              "SSH private key path (if not provided, default SSH key will be used)"),
          CreateFlag.integer(GenericDriver.FLAG_SSH_PORT, 22, "GENERIC_SSH_PORT", "SSH port"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<CreateFlag> createFlags() {
    return FLAGS;
  }

  @Override
  public Driver newDriver(DriverContext context) {
    return new GenericDriver(context);
  }
}
