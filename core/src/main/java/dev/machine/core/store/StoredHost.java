package dev.machine.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.host.HostOptions;

/**
 * A config.json as read, after migration to version 3, before its driver is built.
 *
 * @param driverName the {@code DriverName} recorded (may be "")
 * @param driver the {@code Driver} object, for {@link dev.machine.core.driver.Driver#readConfig}
 * @param hostOptions the {@code HostOptions} (parts may be null, as Docker Machine allows)
 * @param migrated whether the file was an older version and was migrated
 */
public record StoredHost(String driverName, ObjectNode driver, HostOptions hostOptions, boolean migrated) {}
