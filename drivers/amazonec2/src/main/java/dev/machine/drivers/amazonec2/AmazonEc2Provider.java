package dev.machine.drivers.amazonec2;

import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverProvider;
import java.util.List;

/**
 * Registers the {@code amazonec2} driver. Loaded for every command, so it touches no AWS SDK class:
 * the EC2 client is only built when a driver method actually calls AWS.
 */
public final class AmazonEc2Provider implements DriverProvider {
  public static final String NAME = "amazonec2";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<CreateFlag> createFlags() {
    return Ec2Flags.ALL;
  }

  @Override
  public Driver newDriver(DriverContext context) {
    return new AmazonEc2Driver(context, Ec2Environment.system());
  }
}
