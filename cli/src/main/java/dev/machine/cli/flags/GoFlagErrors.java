package dev.machine.cli.flags;

import dev.machine.core.golang.GoQuote;

/**
 * The errors of Go's flag package, which Docker Machine prints for a bad command line (after
 * {@code Incorrect Usage.} and the command's help). Flags are named as typed, with one dash.
 */
public final class GoFlagErrors {
  private GoFlagErrors() {}

  /** {@code flag provided but not defined: -bogus}. */
  public static UsageException notDefined(String spelling) {
    return UsageException.incorrectUsage("flag provided but not defined: " + typed(spelling));
  }

  /** {@code flag needs an argument: -timeout}, for a flag that ends the command line. */
  public static UsageException needsArgument(String spelling) {
    return UsageException.incorrectUsage("flag needs an argument: " + typed(spelling));
  }

  /** {@code invalid value "abc" for flag -timeout: parse error}. */
  public static UsageException invalidValue(String value, String spelling, String reason) {
    return UsageException.incorrectUsage(
        "invalid value " + GoQuote.quote(value) + " for flag " + typed(spelling) + ": " + reason);
  }

  /** {@code invalid boolean value "maybe" for -force: parse error}. */
  public static UsageException invalidBoolean(String value, String spelling) {
    return UsageException.incorrectUsage(
        "invalid boolean value " + GoQuote.quote(value) + " for " + typed(spelling) + ": parse error");
  }

  /** {@code -timeout} for {@code --timeout=5}, {@code -timeout} or {@code -t}: one dash, no value. */
  public static String typed(String spelling) {
    String s = spelling;
    int eq = s.indexOf('=');
    if (eq >= 0) {
      s = s.substring(0, eq);
    }
    while (s.startsWith("-")) {
      s = s.substring(1);
    }
    return "-" + s;
  }
}
