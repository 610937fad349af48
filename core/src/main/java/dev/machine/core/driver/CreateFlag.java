package dev.machine.core.driver;

import java.util.List;
import java.util.Objects;

/**
 * A driver's create flag, described as data so that a front end can turn it into an option.
 *
 * @param name the flag's long name without dashes, e.g. {@code amazonec2-region}
 * @param type the value type
 * @param defaultValue a {@code String}, {@code Integer}, {@code Boolean} or {@code List<String>}
 *     matching {@code type}; never null
 * @param envVar the environment variable consulted when the flag is not given, or "" for none
 * @param usage the help text
 */
public record CreateFlag(String name, FlagType type, Object defaultValue, String envVar, String usage) {
  public CreateFlag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    envVar = envVar == null ? "" : envVar;
    usage = usage == null ? "" : usage;
    defaultValue =
        switch (type) {
          case STRING -> (String) defaultValue;
          case INT -> (Integer) defaultValue;
          case BOOL -> (Boolean) defaultValue;
          case STRING_LIST -> List.copyOf(castList(defaultValue));
        };
  }

  public static CreateFlag string(String name, String defaultValue, String envVar, String usage) {
    return new CreateFlag(name, FlagType.STRING, defaultValue == null ? "" : defaultValue, envVar, usage);
  }

  public static CreateFlag integer(String name, int defaultValue, String envVar, String usage) {
    return new CreateFlag(name, FlagType.INT, defaultValue, envVar, usage);
  }

  public static CreateFlag bool(String name, String envVar, String usage) {
    return new CreateFlag(name, FlagType.BOOL, Boolean.FALSE, envVar, usage);
  }

  public static CreateFlag stringList(String name, List<String> defaultValue, String envVar, String usage) {
    return new CreateFlag(name, FlagType.STRING_LIST, defaultValue == null ? List.of() : defaultValue, envVar, usage);
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object value) {
    return (List<String>) value;
  }
}
