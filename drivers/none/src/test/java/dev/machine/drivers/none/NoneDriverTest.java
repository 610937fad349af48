package dev.machine.drivers.none;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverRegistry;
import dev.machine.core.driver.MapDriverOptions;
import dev.machine.core.driver.State;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoneDriverTest {
  private final DriverContext context = new DriverContext("dev", Path.of("/store"), Progress.SILENT);

  private Driver driverWithUrl(String url) {
    Driver driver = new NoneDriverProvider().newDriver(context);
    driver.setConfigFromFlags(new MapDriverOptions(Map.of("url", url)));
    return driver;
  }

  @Test
  void isDiscoveredThroughServiceLoader() {
    DriverRegistry registry = DriverRegistry.discover(getClass().getClassLoader());
    assertThat(registry.names()).contains("none");
    assertThat(registry.require("none").createFlags())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.name()).isEqualTo("url");
          assertThat(f.envVar()).isEmpty();
          assertThat(f.usage()).isEqualTo("URL of host when no driver is selected");
        });
  }

  @Test
  void urlIsRequired() {
    Driver driver = new NoneDriverProvider().newDriver(context);
    assertThatThrownBy(() -> driver.setConfigFromFlags(new MapDriverOptions(Map.of())))
        .isInstanceOf(MachineException.class)
        .hasMessage("--url option is required when no driver is selected");
  }

  @Test
  void ipIsTheUrlHostWithItsPortAndTheUrlIsKeptAsGiven() {
    Driver driver = driverWithUrl("tcp://10.0.0.5:2376");
    assertThat(driver.ip()).isEqualTo("10.0.0.5:2376");
    assertThat(driver.url()).isEqualTo("tcp://10.0.0.5:2376");
    assertThat(driver.state()).isEqualTo(State.RUNNING);
    assertThat(driverWithUrl("tcp://me@example.com").ip()).isEqualTo("example.com");
  }

  @Test
  void writesDockerMachinesJsonShape() {
    ObjectNode json = driverWithUrl("tcp://10.0.0.5:2376").writeConfig();
    assertThat(json.toString())
        .isEqualTo(
            "{\"IPAddress\":\"10.0.0.5:2376\",\"MachineName\":\"dev\",\"SSHUser\":\"\",\"SSHPort\":0,"
                + "\"SSHKeyPath\":\"\",\"StorePath\":\"/store\",\"SwarmMaster\":false,\"SwarmHost\":\"\","
                + "\"SwarmDiscovery\":\"\",\"URL\":\"tcp://10.0.0.5:2376\"}");
    Driver loaded = new NoneDriverProvider().newDriver(context);
    loaded.readConfig(json);
    assertThat(loaded.url()).isEqualTo("tcp://10.0.0.5:2376");
    assertThat(loaded.ip()).isEqualTo("10.0.0.5:2376");
  }

  @Test
  void hasNoSsh() {
    Driver driver = driverWithUrl("tcp://10.0.0.5:2376");
    assertThat(driver.sshHostname()).isEmpty();
    assertThat(driver.sshUsername()).isEmpty();
    assertThat(driver.sshKeyPath()).isEmpty();
    assertThat(driver.sshPort()).isZero();
  }

  @Test
  void lifecycleActionsFailAsDockerMachinesDo() {
    Driver driver = driverWithUrl("tcp://10.0.0.5:2376");
    assertThatThrownBy(driver::start).hasMessage("hosts without a driver cannot be started");
    assertThatThrownBy(driver::stop).hasMessage("hosts without a driver cannot be stopped");
    assertThatThrownBy(driver::kill).hasMessage("hosts without a driver cannot be killed");
    assertThatThrownBy(driver::restart).hasMessage("hosts without a driver cannot be restarted");
    driver.create();
    driver.remove();
  }
}
