package dev.machine.drivers.amazonec2;

import dev.machine.core.MachineException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ingress rules a security group is missing (Docker Machine's {@code configureSecurityGroupPermissions}):
 * SSH, Docker's 2376, the swarm port for a swarm master, then each {@code --amazonec2-open-port}, all
 * skipped when a rule with the same from-port and protocol exists, and none at all when read-only.
 */
final class IngressRules {
  static final int DOCKER_PORT = 2376;

  private IngressRules() {}

  /**
   * @param existing the group's current rules
   * @param swarmPort the swarm master's port, or 0 when this machine is not a swarm master
   */
  static List<PortRule> missing(
      Collection<PortRule> existing, boolean readOnly, int sshPort, int swarmPort, List<String> openPorts) {
    if (readOnly) {
      return List.of();
    }
    List<PortRule> wanted = new ArrayList<>();
    wanted.add(new PortRule(sshPort, "tcp"));
    wanted.add(new PortRule(DOCKER_PORT, "tcp"));
    if (swarmPort > 0) {
      wanted.add(new PortRule(swarmPort, "tcp"));
    }
    for (String open : openPorts) {
      wanted.add(parseOpenPort(open));
    }
    Set<String> present = new LinkedHashSet<>();
    existing.forEach(r -> present.add(r.key()));
    List<PortRule> out = new ArrayList<>();
    for (PortRule rule : wanted) {
      if (present.add(rule.key())) {
        out.add(rule);
      }
    }
    return out;
  }

  /** {@code port[/protocol]}, protocol tcp by default. */
  static PortRule parseOpenPort(String spec) {
    String port = spec;
    String protocol = "tcp";
    int slash = spec.indexOf('/');
    if (slash >= 0) {
      port = spec.substring(0, slash);
      protocol = spec.substring(slash + 1);
    }
    try {
      return new PortRule(Integer.parseInt(port), protocol);
    } catch (NumberFormatException e) {
      throw new MachineException(
          "invalid port number " + port + ": strconv.Atoi: parsing \"" + port + "\": invalid syntax");
    }
  }
}
