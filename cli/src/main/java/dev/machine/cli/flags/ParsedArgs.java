package dev.machine.cli.flags;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: every flag's value (command line, else environment, else default),
 * keyed by long name, the flags given on the command line, and the positional arguments.
 */
public record ParsedArgs(Map<String, Object> values, Set<String> setOnCommandLine, List<String> positionals, boolean help) {
  public ParsedArgs {
    values = Map.copyOf(values);
    setOnCommandLine = Set.copyOf(setOnCommandLine);
    positionals = List.copyOf(positionals);
  }

  public String string(String name) {
    Object v = values.get(name);
    return v == null ? "" : v.toString();
  }

  public boolean bool(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  public int integer(String name) {
    Object v = values.get(name);
    return v instanceof Integer i ? i : 0;
  }

  @SuppressWarnings("unchecked")
  public List<String> stringList(String name) {
    Object v = values.get(name);
    return v instanceof List<?> ? (List<String>) v : List.of();
  }
}
