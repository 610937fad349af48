package dev.machine.cli.flags;

import dev.machine.core.driver.FlagType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the bool flags out of a command line the way Go's flag package reads them, before picocli
 * sees the rest: a bool flag never takes the next argument as its value ({@code rm -y true}
 * removes the machine named {@code true}); a value is given only as {@code --flag=false}.
 */
final class BoolFlags {
  /**
   * @param rest the arguments left for picocli, in order
   * @param values each bool flag given, by long name: the last occurrence wins
   */
  record Extracted(List<String> rest, Map<String, Boolean> values) {
    Extracted {
      rest = List.copyOf(rest);
      values = Map.copyOf(values);
    }
  }

  private BoolFlags() {}

  static Extracted extract(List<FlagDef> flags, List<String> args) {
    Map<String, FlagDef> bySpelling = new HashMap<>();
    for (FlagDef flag : flags) {
      flag.spellings().forEach(s -> bySpelling.put(s, flag));
    }
    List<String> rest = new ArrayList<>();
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        rest.addAll(args.subList(i, args.size()));
        break;
      }
      int eq = arg.indexOf('=');
      String spelling = eq < 0 ? arg : arg.substring(0, eq);
      FlagDef flag = bySpelling.get(spelling);
      if (flag == null) {
        rest.add(arg);
      } else if (flag.type() != FlagType.BOOL) {
        rest.add(arg);
        if (eq < 0 && i + 1 < args.size()) {
          rest.add(args.get(++i)); // its value, even one that looks like a flag (as in Go)
        }
      } else {
        values.put(flag.name(), eq < 0 || value(arg.substring(eq + 1), spelling));
      }
    }
    return new Extracted(rest, values);
  }

  private static boolean value(String value, String spelling) {
    return GoBool.parse(value).orElseThrow(() -> GoFlagErrors.invalidBoolean(value, spelling));
  }
}
