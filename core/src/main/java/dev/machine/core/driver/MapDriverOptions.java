package dev.machine.core.driver;

import java.util.List;
import java.util.Map;

/** {@link DriverOptions} over a map of flag name to value ({@code String}, {@code Integer}, {@code Boolean}, {@code List<String>}). */
public record MapDriverOptions(Map<String, Object> values) implements DriverOptions {
  public MapDriverOptions {
    values = Map.copyOf(values);
  }

  @Override
  public String string(String name) {
    Object v = values.get(name);
    return v == null ? "" : v.toString();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> stringList(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    return v instanceof List<?> ? (List<String>) v : List.of(v.toString());
  }

  @Override
  public int integer(String name) {
    Object v = values.get(name);
    return v instanceof Number n ? n.intValue() : 0;
  }

  @Override
  public boolean bool(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }
}
