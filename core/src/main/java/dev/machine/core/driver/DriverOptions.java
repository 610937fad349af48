package dev.machine.core.driver;

import java.util.List;

/**
 * The values of every create flag (the driver's and the shared ones such as {@code swarm-master}
 * or {@code engine-install-url}), after command line, environment and defaults were applied.
 */
public interface DriverOptions {
  /** The string value, or "" when the flag is unknown. */
  String string(String name);

  /** The list value, or an empty list when the flag is unknown. */
  List<String> stringList(String name);

  /** The int value, or 0 when the flag is unknown. */
  int integer(String name);

  /** The bool value, or false when the flag is unknown. */
  boolean bool(String name);
}
