package dev.machine.drivers.amazonec2;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** A machine's security groups in one VPC: find or create them, open the missing ports, delete them. */
final class SecurityGroups {
  private final Ec2Client ec2;
  private final String vpcId;
  private final Progress progress;
  private final Ec2Environment environment;

  SecurityGroups(Ec2Client ec2, String vpcId, Progress progress, Ec2Environment environment) {
    this.ec2 = ec2;
    this.vpcId = vpcId;
    this.progress = progress;
    this.environment = environment;
  }

  /** Told about a group before it is created (its name) and the moment it exists (its id), to save both. */
  interface Creation {
    void creating(String name);

    void created(String name, String groupId);

    /** Another machine created it meanwhile: it is not this machine's. */
    void notCreated(String name);
  }

  /**
   * The ids of the named groups, created when missing (tagged {@link Tags#CREATOR}={@code machineId};
   * {@code creation} is told before and after), each given the ingress rules it lacks (see
   * {@link IngressRules}).
   */
  List<String> configure(
      List<String> names,
      boolean readOnly,
      int sshPort,
      int swarmPort,
      List<String> openPorts,
      String machineId,
      Creation creation) {
    List<String> ids = new ArrayList<>();
    if (names.isEmpty()) {
      return ids;
    }
    Map<String, SecurityGroup> existing = new HashMap<>();
    ec2.describeSecurityGroups(
            b ->
                b.filters(
                    Filter.builder().name("group-name").values(names).build(),
                    Filter.builder().name("vpc-id").values(vpcId).build()))
        .securityGroups()
        .forEach(g -> existing.put(g.groupName(), g));
    for (String name : names) {
      SecurityGroup group = existing.get(name);
      String groupId;
      List<PortRule> present = new ArrayList<>();
      if (group == null) {
        group = create(name, machineId, creation);
      }
      groupId = group.groupId();
      for (IpPermission p : group.ipPermissions()) {
        if (p.fromPort() != null) {
          present.add(new PortRule(p.fromPort(), p.ipProtocol()));
        }
      }
      if (!ids.contains(groupId)) {
        ids.add(groupId);
      }
      List<PortRule> missing = IngressRules.missing(present, readOnly, sshPort, swarmPort, openPorts);
      if (!missing.isEmpty()) {
        authorize(groupId, missing);
      }
    }
    return ids;
  }

  /**
   * Creates the group, or, when a machine created in parallel made it first (Duplicate), takes
   * that one as an existing group.
   */
  private SecurityGroup create(String name, String machineId, Creation creation) {
    progress.info("Creating security group " + name + " in " + vpcId);
    creation.creating(name);
    try {
      String groupId =
          ec2.createSecurityGroup(
                  b ->
                      b.groupName(name)
                          .description("Docker Machine")
                          .vpcId(vpcId)
                          .tagSpecifications(
                              TagSpecification.builder()
                                  .resourceType(ResourceType.SECURITY_GROUP)
                                  .tags(Tag.builder().key(Tags.CREATOR).value(machineId).build())
                                  .build()))
              .groupId();
      creation.created(name, groupId);
      return SecurityGroup.builder().groupId(groupId).groupName(name).build();
    } catch (SdkException e) {
      if (!"InvalidGroup.Duplicate".equals(AwsErrors.code(e))) {
        throw e;
      }
      creation.notCreated(name);
      return ec2.describeSecurityGroups(
              b ->
                  b.filters(
                      Filter.builder().name("group-name").values(name).build(),
                      Filter.builder().name("vpc-id").values(vpcId).build()))
          .securityGroups()
          .stream()
          .findFirst()
          .orElseThrow(() -> e);
    }
  }

  private void authorize(String groupId, List<PortRule> rules) {
    List<IpPermission> permissions = new ArrayList<>();
    for (PortRule r : rules) {
      permissions.add(
          IpPermission.builder()
              .ipProtocol(r.protocol())
              .fromPort(r.port())
              .toPort(r.port())
              .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
              .build());
    }
    try {
      // A group just created may not be visible yet everywhere in EC2: only that is retried.
      environment
          .retryWait(5, Duration.ofSeconds(1))
          .waitFor(
              () -> {
                try {
                  ec2.authorizeSecurityGroupIngress(b -> b.groupId(groupId).ipPermissions(permissions));
                } catch (SdkException e) {
                  if (!"InvalidPermission.Duplicate".equals(AwsErrors.code(e))) {
                    throw e;
                  } // else a machine created in parallel opened the same ports
                }
                return true;
              },
              AwsErrors::isNotFound);
    } catch (MachineException exhausted) {
      throw new MachineException(
          "Security group " + groupId + " is still unknown to EC2: " + AwsErrors.lastError(exhausted), exhausted);
    }
  }

  /** The groups created for the machine with this id (tagged {@link Tags#CREATOR}). */
  List<String> createdBy(String machineId) {
    return ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("tag:" + Tags.CREATOR).values(machineId).build()))
        .securityGroups()
        .stream()
        .map(SecurityGroup::groupId)
        .toList();
  }

  /**
   * Deletes a group a machine made, unless another live instance uses it (the {@code docker-machine}
   * group is shared). EC2 refuses while the machine's own instance is still shutting down: wait
   * for it. Returns normally once the group is gone or deliberately left in place.
   */
  void delete(String groupId, String ownInstance) {
    if (usedByOtherInstances(groupId, ownInstance)) {
      progress.info("Security group " + groupId + " is used by other instances; leaving it in place");
      return;
    }
    boolean[] told = new boolean[1];
    try {
      environment
          .retryWait(60, Duration.ofSeconds(3))
          .waitFor(
              () -> {
                try {
                  ec2.deleteSecurityGroup(b -> b.groupId(groupId));
                } catch (SdkException e) {
                  if (!AwsErrors.isNotFound(e)) {
                    if (isDependencyViolation(e) && !told[0]) {
                      told[0] = true;
                      progress.info("Waiting for the instance to terminate to delete security group " + groupId + "...");
                    }
                    throw e;
                  }
                }
                return true;
              },
              SecurityGroups::isDependencyViolation);
    } catch (SdkException e) {
      throw new MachineException(AwsErrors.describe(e), e);
    } catch (MachineException exhausted) {
      throw new MachineException(AwsErrors.lastError(exhausted), exhausted);
    }
  }

  private static boolean isDependencyViolation(RuntimeException e) {
    return "DependencyViolation".equals(AwsErrors.code(e));
  }

  /**
   * Whether a live instance other than {@code ownInstance} uses the group, through its own groups
   * or its network interfaces' (checked here rather than with an {@code instance.group-id} filter,
   * which some EC2-compatible APIs apply to the instance-level groups only).
   */
  private boolean usedByOtherInstances(String groupId, String ownInstance) {
    List<Filter> filters = new ArrayList<>();
    filters.add(
        Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped").build());
    if (!vpcId.isEmpty()) {
      filters.add(Filter.builder().name("vpc-id").values(vpcId).build());
    }
    return ec2.describeInstancesPaginator(b -> b.filters(filters)).reservations().stream()
        .flatMap(r -> r.instances().stream())
        .filter(i -> !i.instanceId().equals(ownInstance))
        .anyMatch(
            i ->
                i.securityGroups().stream().anyMatch(g -> groupId.equals(g.groupId()))
                    || i.networkInterfaces().stream()
                        .flatMap(n -> n.groups().stream())
                        .anyMatch(g -> groupId.equals(g.groupId())));
  }
}
