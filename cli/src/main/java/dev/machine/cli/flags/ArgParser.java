package dev.machine.cli.flags;

import dev.machine.core.MachineException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * Parses one command's arguments with picocli, from {@link FlagDef}s. Options are accepted
 * anywhere (before, between and after positionals); {@code --} ends them. A flag not on the
 * command line takes its environment variable (lists are comma-split), then its default. A value
 * that does not parse, on the command line or in the environment, is an error.
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
    CommandSpec spec = CommandSpec.create().name(commandName);
    Map<OptionSpec, FlagDef> byOption = new HashMap<>();
    for (FlagDef flag : flags) {
      OptionSpec option = option(flag);
      spec.addOption(option);
      byOption.put(option, flag);
    }
    spec.addOption(
        OptionSpec.builder("--help", "-h", "-help").usageHelp(true).arity("0").type(boolean.class).build());
    spec.addPositional(
        PositionalParamSpec.builder().arity("0..*").type(List.class).auxiliaryTypes(String.class).build());

    CommandLine cl = new CommandLine(spec);
    cl.setExpandAtFiles(false);
    cl.setOverwrittenOptionsAllowed(true);
    cl.setUnmatchedOptionsArePositionalParams(false);
    ParseResult result;
    try {
      result = cl.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.UnmatchedArgumentException e) {
      String unknown = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
      throw UsageException.incorrectUsage("flag provided but not defined: -" + stripDashes(unknown));
    } catch (CommandLine.ParameterException e) {
      throw UsageException.incorrectUsage(e.getMessage());
    }

    Set<String> set = new HashSet<>();
    for (Map.Entry<OptionSpec, FlagDef> e : byOption.entrySet()) {
      if (result.hasMatchedOption(e.getKey())) {
        set.add(e.getValue().name());
      }
    }
    // The environment is read only for flags not on the command line: a bad value there is then moot.
    Map<String, Object> values = defaultsAndEnvironment(flags, set);
    for (Map.Entry<OptionSpec, FlagDef> e : byOption.entrySet()) {
      if (result.hasMatchedOption(e.getKey())) {
        values.put(e.getValue().name(), fromCommandLine(e.getValue(), e.getKey()));
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
    // Go's flag package also accepts a single dash before a long name (-timeout 5).
    Set<String> names = new LinkedHashSet<>(flag.dashedNames());
    names.add("-" + flag.name());
    OptionSpec.Builder b = OptionSpec.builder(names.toArray(String[]::new));
    return switch (flag.type()) {
      case BOOL -> b.type(boolean.class).arity("0..1").build();
      case STRING, INT -> b.type(String.class).arity("1").build();
      case STRING_LIST -> b.type(List.class).auxiliaryTypes(String.class).arity("1").build();
    };
  }

  private static Object fromCommandLine(FlagDef flag, OptionSpec option) {
    Object value = option.getValue();
    return switch (flag.type()) {
      case BOOL -> Boolean.TRUE.equals(value);
      case STRING -> value == null ? "" : value.toString();
      case INT -> parseInt(value == null ? "" : value.toString(), "flag --" + flag.name());
      case STRING_LIST -> value == null ? List.of() : List.copyOf((List<?>) value).stream().map(Object::toString).toList();
    };
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

  private static String stripDashes(String arg) {
    String s = arg;
    while (s.startsWith("-")) {
      s = s.substring(1);
    }
    int eq = s.indexOf('=');
    return eq < 0 ? s : s.substring(0, eq);
  }
}
