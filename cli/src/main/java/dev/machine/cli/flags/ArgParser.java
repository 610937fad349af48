package dev.machine.cli.flags;

import dev.machine.core.MachineException;
import dev.machine.core.driver.FlagType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Parses one command's arguments as Go's flag package does, with picocli for the flags that take
 * a value. Options are accepted anywhere (before, between and after positionals); {@code --} ends
 * them. A bool flag takes a value only as {@code --flag=false} ({@link BoolFlags}); any other
 * flag takes the next argument as its value, even one that starts with a dash. A flag not on the
 * command line takes its environment variable (lists are comma-split), then its default. A value
 * that does not parse, on the command line or in the environment, is an error; on the command
 * line it is Go's usage error ({@link GoFlagErrors}).
 */
public final class ArgParser {
  private final Function<String, String> env;

  public ArgParser(Function<String, String> env) {
    this.env = env;
  }

  public ParsedArgs parse(String commandName, List<FlagDef> flags, List<String> args) {
    if (args.stream().noneMatch(a -> a.startsWith("-"))) {
      // Nothing looks like an option: every argument is positional, so picocli has nothing to do.
      // Skipping it saves ~100 ms of start-up (its classes cannot be class-data shared).
      return new ParsedArgs(defaultsAndEnvironment(flags, Set.of()), Set.of(), args, false);
    }
    BoolFlags.Extracted bools = BoolFlags.extract(flags, args);
    List<String> rest = bools.rest();
    if (rest.stream().noneMatch(a -> a.startsWith("-"))) {
      Map<String, Object> values = defaultsAndEnvironment(flags, bools.values().keySet());
      values.putAll(bools.values());
      return new ParsedArgs(values, bools.values().keySet(), rest, false);
    }
    CommandSpec spec = CommandSpec.create().name(commandName);
    Map<OptionSpec, FlagDef> byOption = new HashMap<>();
    for (FlagDef flag : flags) {
      if (flag.type() != FlagType.BOOL) {
        OptionSpec option = option(flag);
        spec.addOption(option);
        byOption.put(option, flag);
      }
    }
    spec.addOption(
        OptionSpec.builder("--help", "-h", "-help").usageHelp(true).arity("0").type(boolean.class).build());
    spec.addPositional(
        PositionalParamSpec.builder().arity("0..*").type(List.class).auxiliaryTypes(String.class).build());

    CommandLine cl = new CommandLine(spec);
    cl.setExpandAtFiles(false);
    cl.setOverwrittenOptionsAllowed(true);
    cl.setUnmatchedOptionsArePositionalParams(false);
    cl.setAllowOptionsAsOptionParameters(true);
    ParseResult result;
    try {
      result = cl.parseArgs(rest.toArray(String[]::new));
    } catch (CommandLine.UnmatchedArgumentException e) {
      throw GoFlagErrors.notDefined(e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0));
    } catch (CommandLine.MissingParameterException e) {
      throw GoFlagErrors.needsArgument(
          e.getArgSpec() instanceof OptionSpec option ? lastSpelling(option, rest) : rest.get(rest.size() - 1));
    } catch (CommandLine.ParameterException e) {
      throw UsageException.incorrectUsage(e.getMessage());
    }

    Set<String> set = new HashSet<>(bools.values().keySet());
    for (Map.Entry<OptionSpec, FlagDef> e : byOption.entrySet()) {
      if (result.hasMatchedOption(e.getKey())) {
        set.add(e.getValue().name());
      }
    }
    // The environment is read only for flags not on the command line: a bad value there is then moot.
    Map<String, Object> values = defaultsAndEnvironment(flags, set);
    values.putAll(bools.values());
    for (Map.Entry<OptionSpec, FlagDef> e : byOption.entrySet()) {
      if (result.hasMatchedOption(e.getKey())) {
        values.put(e.getValue().name(), fromCommandLine(e.getValue(), e.getKey(), rest));
      }
    }
    List<String> positionals = new ArrayList<>();
    if (!result.matchedPositionals().isEmpty()) {
      List<String> matched = result.matchedPositionals().get(0).getValue();
      positionals.addAll(matched);
    }
    return new ParsedArgs(values, set, positionals, result.isUsageHelpRequested());
  }

  /** Each flag's default, replaced by its environment variable unless the flag is in {@code given}. */
  private Map<String, Object> defaultsAndEnvironment(List<FlagDef> flags, Set<String> given) {
    Map<String, Object> values = new HashMap<>();
    for (FlagDef flag : flags) {
      values.put(flag.name(), flag.defaultValue());
      if (!flag.envVar().isEmpty() && !given.contains(flag.name())) {
        String fromEnv = env.apply(flag.envVar());
        if (fromEnv != null && !fromEnv.isEmpty()) {
          values.put(flag.name(), fromEnvironment(flag, fromEnv));
        }
      }
    }
    return values;
  }

  private static OptionSpec option(FlagDef flag) {
    OptionSpec.Builder b = OptionSpec.builder(flag.spellings().toArray(String[]::new));
    return switch (flag.type()) {
      case STRING, INT -> b.type(String.class).arity("1").build();
      case STRING_LIST -> b.type(List.class).auxiliaryTypes(String.class).arity("1").build();
      case BOOL -> throw new IllegalArgumentException("bool flags are read by BoolFlags: " + flag.name());
    };
  }

  private static Object fromCommandLine(FlagDef flag, OptionSpec option, List<String> args) {
    Object value = option.getValue();
    return switch (flag.type()) {
      case STRING -> value == null ? "" : value.toString();
      case INT -> commandLineInt(value == null ? "" : value.toString(), lastSpelling(option, args));
      case STRING_LIST -> value == null ? List.of() : List.copyOf((List<?>) value).stream().map(Object::toString).toList();
      case BOOL -> throw new IllegalArgumentException("bool flags are read by BoolFlags: " + flag.name());
    };
  }

  /** Go's {@code strconv.ParseInt} errors, as its flag package words them. */
  private static int commandLineInt(String value, String spelling) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      boolean digits = value.matches("[+-]?[0-9]+");
      throw GoFlagErrors.invalidValue(value, spelling, digits ? "value out of range" : "parse error");
    }
  }

  /** How the user typed the option the last time (the occurrence whose value counts), e.g. {@code -t}. */
  private static String lastSpelling(OptionSpec option, List<String> args) {
    List<String> names = List.of(option.names());
    int end = args.indexOf("--");
    for (int i = (end < 0 ? args.size() : end) - 1; i >= 0; i--) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String spelling = eq < 0 ? arg : arg.substring(0, eq);
      if (names.contains(spelling)) {
        return spelling;
      }
    }
    return option.longestName();
  }

  private static Object fromEnvironment(FlagDef flag, String value) {
    String where = "$" + flag.envVar() + " (--" + flag.name() + ")";
    return switch (flag.type()) {
      case BOOL ->
          GoBool.parse(value)
              .orElseThrow(
                  () ->
                      new MachineException(
                          "invalid value \"" + value + "\" for " + where + ": want true or false"));
      case STRING -> value;
      case INT -> parseInt(value, where);
      case STRING_LIST -> Arrays.stream(value.split(",")).map(String::trim).toList();
    };
  }

  private static int parseInt(String value, String where) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new MachineException("invalid value \"" + value + "\" for " + where + ": want an integer");
    }
  }
}
