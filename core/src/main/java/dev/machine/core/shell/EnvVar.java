package dev.machine.core.shell;

import java.util.Objects;

/** An environment variable to set: {@code NAME=value}. */
public record EnvVar(String name, String value) {
  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
