package dev.machine.core.list;

import dev.machine.core.MachineException;
import dev.machine.core.driver.State;
import dev.machine.core.host.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code ls --filter key=value}: values of one key are ORed, keys are ANDed. Keys: {@code driver},
 * {@code state}, {@code name} (an unanchored regular expression), {@code label} ({@code KEY} or
 * {@code KEY=VALUE}), {@code swarm} (the name of the host's swarm master).
 */
public final class ListFilters {
  private final List<String> drivers = new ArrayList<>();
  private final List<String> states = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final List<String> swarmNames = new ArrayList<>();
  private List<Pattern> namePatterns;

  private ListFilters() {}

  public static ListFilters parse(List<String> filters) {
    ListFilters f = new ListFilters();
    for (String filter : filters) {
      int eq = filter.indexOf('=');
      if (eq < 0) {
        throw new MachineException("Unsupported filter syntax");
      }
      String key = filter.substring(0, eq).toLowerCase();
      String value = filter.substring(eq + 1);
      switch (key) {
        case "swarm" -> f.swarmNames.add(value);
        case "driver" -> f.drivers.add(value);
        case "state" -> f.states.add(value);
        case "name" -> f.names.add(value);
        case "label" -> f.labels.add(value);
        default -> throw new MachineException("Unsupported filter key '" + key + "'");
      }
    }
    return f;
  }

  /** True when no filter was given. */
  public boolean isEmpty() {
    return drivers.isEmpty() && states.isEmpty() && names.isEmpty() && labels.isEmpty() && swarmNames.isEmpty();
  }

  /**
   * Whether the host passes every filter. {@code swarmMasters} maps a discovery URL to its master's
   * name. The state filter asks the driver. A bad name pattern fails here, once there is a host.
   */
  public boolean matches(Host host, Map<String, String> swarmMasters) {
    return matchesDriver(host) && matchesName(host) && matchesLabel(host) && matchesSwarm(host, swarmMasters)
        && matchesState(host);
  }

  private boolean matchesDriver(Host host) {
    return drivers.isEmpty() || drivers.stream().anyMatch(d -> d.equalsIgnoreCase(host.driverName()));
  }

  private boolean matchesState(Host host) {
    if (states.isEmpty()) {
      return true;
    }
    State state;
    try {
      state = host.driver().state();
    } catch (RuntimeException e) {
      return false;
    }
    return states.stream().anyMatch(s -> s.equalsIgnoreCase(state.display()));
  }

  private boolean matchesName(Host host) {
    if (names.isEmpty()) {
      return true;
    }
    return namePatterns().stream().anyMatch(p -> p.matcher(host.name()).find());
  }

  private List<Pattern> namePatterns() {
    if (namePatterns == null) {
      List<Pattern> compiled = new ArrayList<>();
      for (String n : names) {
        try {
          compiled.add(Pattern.compile(n));
        } catch (PatternSyntaxException e) {
          throw new MachineException("error parsing regexp: " + e.getDescription() + ": `" + n + "`");
        }
      }
      namePatterns = compiled;
    }
    return namePatterns;
  }

  private boolean matchesLabel(Host host) {
    if (labels.isEmpty()) {
      return true;
    }
    List<String> engineLabels = host.hostOptions().engineOptions() == null
        ? null : host.hostOptions().engineOptions().labels();
    if (engineLabels == null) {
      return false;
    }
    for (String filter : labels) {
      int eq = filter.indexOf('=');
      String key = eq < 0 ? filter : filter.substring(0, eq);
      for (String label : engineLabels) {
        int leq = label.indexOf('=');
        String labelKey = leq < 0 ? label : label.substring(0, leq);
        String labelValue = leq < 0 ? "" : label.substring(leq + 1);
        if (labelKey.equals(key) && (eq < 0 || labelValue.equalsIgnoreCase(filter.substring(eq + 1)))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matchesSwarm(Host host, Map<String, String> swarmMasters) {
    if (swarmNames.isEmpty()) {
      return true;
    }
    if (host.hostOptions().swarmOptions() == null) {
      return false;
    }
    String master = swarmMasters.getOrDefault(host.hostOptions().swarmOptions().discovery(), "");
    return swarmNames.stream().anyMatch(n -> n.equalsIgnoreCase(master));
  }
}
