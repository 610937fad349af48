package dev.machine.cli.flags;

import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.FlagType;
import java.util.List;
import java.util.Objects;

/**
 * A command-line flag as Docker Machine declares it: names ({@code timeout, t}: long first), a value
 * type, a default, an environment variable and a usage text.
 *
 * @param names the long name first, then short names, all without dashes
 * @param defaultValue {@code String}, {@code Integer}, {@code Boolean} or {@code List<String>}
 * @param envVar "" when the flag has none
 */
public record FlagDef(List<String> names, FlagType type, Object defaultValue, String envVar, String usage) {
  public FlagDef {
    names = List.copyOf(names);
    Objects.requireNonNull(type);
    Objects.requireNonNull(defaultValue);
    envVar = envVar == null ? "" : envVar;
    usage = usage == null ? "" : usage;
  }

  public static FlagDef bool(String names, String usage) {
    return new FlagDef(split(names), FlagType.BOOL, Boolean.FALSE, "", usage);
  }

  public static FlagDef string(String names, String defaultValue, String envVar, String usage) {
    return new FlagDef(split(names), FlagType.STRING, defaultValue, envVar, usage);
  }

  public static FlagDef integer(String names, int defaultValue, String usage) {
    return new FlagDef(split(names), FlagType.INT, defaultValue, "", usage);
  }

  public static FlagDef stringList(String names, String envVar, String usage) {
    return new FlagDef(split(names), FlagType.STRING_LIST, List.of(), envVar, usage);
  }

  /** A driver's create flag. */
  public static FlagDef of(CreateFlag flag) {
    return new FlagDef(List.of(flag.name()), flag.type(), flag.defaultValue(), flag.envVar(), flag.usage());
  }

  /** The long name, without dashes: the key of the flag's value. */
  public String name() {
    return names.get(0);
  }

  /** The names as typed on a command line: {@code --timeout}, {@code -t}. */
  public List<String> dashedNames() {
    return names.stream().map(FlagDef::dashed).toList();
  }

  /**
   * Every way the flag may be typed: {@link #dashedNames()}, plus the long name after a single
   * dash, as Go's flag package accepts it ({@code -timeout 5}).
   */
  public List<String> spellings() {
    List<String> spellings = new java.util.ArrayList<>(dashedNames());
    String goStyle = "-" + name();
    if (!spellings.contains(goStyle)) {
      spellings.add(goStyle);
    }
    return List.copyOf(spellings);
  }

  /** How Docker Machine's help lists the flag: {@code --timeout, -t "10"<TAB>Timeout... [$ENV]}. */
  public String helpLine() {
    String prefixed = String.join(", ", dashedNames());
    String line =
        switch (type) {
          case BOOL -> prefixed + "\t" + usage;
          case INT -> prefixed + " \"" + defaultValue + "\"\t" + usage;
          case STRING -> {
            String value = (String) defaultValue;
            yield value.isEmpty() ? prefixed + " \t" + usage : prefixed + " \"" + value + "\"\t" + usage;
          }
          case STRING_LIST -> {
            String first = dashed(name());
            yield prefixed + " [" + first + " option " + first + " option]\t" + usage;
          }
        };
    return envVar.isEmpty() ? line : line + " [$" + envVar + "]";
  }

  private static String dashed(String name) {
    return (name.length() == 1 ? "-" : "--") + name;
  }

  private static List<String> split(String names) {
    return List.of(names.split(",\\s*"));
  }
}
