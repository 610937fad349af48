package dev.machine.cli.command;

import dev.machine.cli.flags.UsageException;
import dev.machine.core.MachineException;
import dev.machine.core.store.Store;
import java.util.List;

/** Which machines a command acts on: the named ones, or {@code default} when it exists. */
final class Targets {
  static final String DEFAULT = "default";
  static final String EXPECTED_ONE = "Error: Expected one machine name as an argument";

  private Targets() {}

  /** One machine name: the argument, or {@code default}. */
  static String one(Store store, List<String> args) {
    if (args.size() > 1) {
      throw new MachineException(EXPECTED_ONE);
    }
    return args.isEmpty() ? defaultMachine(store) : args.get(0);
  }

  /** One machine name, printing the help when there are too many. */
  static String oneWithHelp(Store store, List<String> args) {
    if (args.size() > 1) {
      throw UsageException.withHelp(EXPECTED_ONE);
    }
    return one(store, args);
  }

  /** The named machines, or {@code default}. */
  static List<String> many(Store store, List<String> args) {
    return args.isEmpty() ? List.of(defaultMachine(store)) : args;
  }

  private static String defaultMachine(Store store) {
    if (!store.exists(DEFAULT)) {
      throw new MachineException("Error: No machine name(s) specified and no \"default\" machine exists");
    }
    return DEFAULT;
  }
}
