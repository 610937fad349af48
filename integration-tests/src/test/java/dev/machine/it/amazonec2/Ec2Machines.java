package dev.machine.it.amazonec2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Checkpoint;
import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverProvider;
import dev.machine.core.driver.DriverRegistry;
import dev.machine.core.driver.MapDriverOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives the amazonec2 driver as the core's lifecycle does, against a store directory: flags with
 * their defaults, pre-create check, create with checkpoints that write config.json, and loading a
 * machine back from config.json alone.
 */
final class Ec2Machines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path store;
  private final DriverProvider provider;
  final List<String> progress = new ArrayList<>();

  Ec2Machines(Path store) {
    this.store = store;
    this.provider = DriverRegistry.discover(getClass().getClassLoader()).require("amazonec2");
  }

  /** Thrown from a checkpoint to stop a create dead, as {@code kill -9} would, right after a save. */
  static final class SimulatedKill extends Error {
    SimulatedKill(int checkpoint) {
      super("killed after checkpoint " + checkpoint);
    }
  }

  private final Progress recorder =
      new Progress() {
        @Override
        public void info(String message) {
          synchronized (progress) {
            progress.add(message);
          }
        }

        @Override
        public void warn(String message) {
          info(message);
        }
      };

  Map<String, Object> options(Map<String, Object> overrides) {
    Map<String, Object> values = new HashMap<>();
    for (CreateFlag f : provider.createFlags()) {
      values.put(f.name(), f.defaultValue());
    }
    values.put("swarm-master", false);
    values.put("swarm-host", "tcp://0.0.0.0:3376");
    values.put("swarm-discovery", "");
    values.putAll(overrides);
    return values;
  }

  /**
   * Creates a machine; with {@code killAfter} > 0 the create dies right after that checkpoint's
   * save. A failed create is removed again, as the core's lifecycle does.
   */
  Driver create(String name, Map<String, Object> flags, int killAfter) {
    AtomicInteger saves = new AtomicInteger();
    Driver[] self = new Driver[1];
    Checkpoint checkpoint =
        () -> {
          save(name, self[0]);
          if (saves.incrementAndGet() == killAfter) {
            throw new SimulatedKill(killAfter);
          }
        };
    Driver driver = provider.newDriver(new DriverContext(name, store, recorder.prefixed("(" + name + ") "), checkpoint));
    self[0] = driver;
    driver.setConfigFromFlags(new MapDriverOptions(options(flags)));
    driver.preCreateCheck();
    save(name, driver);
    try {
      driver.create();
    } catch (MachineException e) {
      // As the core does (unless --keep-on-failure): remove what the failed create made. Only the
      // driver's own failures: anything else (a bug) must reach the test as is, unmasked.
      save(name, driver);
      recorder.info("Removing what the failed create made for machine \"" + name + "\"...");
      driver.remove();
      throw e;
    }
    save(name, driver);
    return driver;
  }

  Driver create(String name, Map<String, Object> flags) {
    return create(name, flags, 0);
  }

  /** The machine as a new process would see it: only what config.json holds. */
  Driver load(String name) {
    try {
      ObjectNode host = (ObjectNode) JSON.readTree(configFile(name).toFile());
      Driver driver = provider.newDriver(new DriverContext(name, store, recorder.prefixed("(" + name + ") ")));
      driver.readConfig((ObjectNode) host.get("Driver"));
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ObjectNode driverJson(String name) {
    try {
      return (ObjectNode) JSON.readTree(configFile(name).toFile()).get("Driver");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path machineDir(String name) {
    return store.resolve("machines").resolve(name);
  }

  private Path configFile(String name) {
    return machineDir(name).resolve("config.json");
  }

  private void save(String name, Driver driver) {
    try {
      Files.createDirectories(machineDir(name));
      ObjectNode host = JSON.createObjectNode();
      host.put("ConfigVersion", 3);
      host.set("Driver", driver.writeConfig());
      host.put("DriverName", "amazonec2");
      host.put("Name", name);
      Path tmp = machineDir(name).resolve("config.json.tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), host);
      Files.move(tmp, configFile(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
