package dev.machine.cli.flags;

import java.util.Optional;

/** Go's {@code strconv.ParseBool}: the spellings Docker Machine accepts for a boolean. */
public final class GoBool {
  private GoBool() {}

  public static Optional<Boolean> parse(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(Boolean.TRUE);
      case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(Boolean.FALSE);
      default -> Optional.empty();
    };
  }
}
