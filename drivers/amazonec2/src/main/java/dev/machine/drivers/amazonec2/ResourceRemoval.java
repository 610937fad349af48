package dev.machine.drivers.amazonec2;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * What rm deletes, found from config.json alone: the instance (by its client token when a killed
 * create never saved its id), the spot request, the machine's key pair unless it is the user's,
 * and the security groups this machine created. Each deleted group is forgotten in the config.
 */
final class ResourceRemoval {
  private final Ec2MachineConfig config;
  private final Ec2Environment environment;
  private final Supplier<Ec2Client> ec2;
  private final Progress progress;

  ResourceRemoval(Ec2MachineConfig config, Ec2Environment environment, Supplier<Ec2Client> ec2, Progress progress) {
    this.config = config;
    this.environment = environment;
    this.ec2 = ec2;
    this.progress = progress;
  }

  /** Deletes everything; fails, after trying every step, with one line per failure. */
  void remove() {
    List<String> errors = new ArrayList<>();
    String target = config.instanceId;
    boolean lookedUp = true;
    if (target.isEmpty() && !config.clientToken.isEmpty()) {
      try {
        target = findByClientToken().orElse("");
      } catch (SdkException e) {
        // An instance may be running unseen: fail, so that config.json stays for another rm.
        lookedUp = false;
        errors.add("unable to look for the instance of an unfinished create: " + AwsErrors.describe(e));
      }
    }
    if (target.isEmpty()) {
      if (lookedUp) {
        progress.warn("Missing instance ID, this is likely due to a failure during machine creation");
      }
    } else {
      try {
        terminate(target);
      } catch (SdkException e) {
        if (AwsErrors.isNotFound(e) || AwsErrors.code(e).equals("InvalidInstanceID.Malformed")) {
          progress.warn("Remote instance does not exist, proceeding with removing local reference");
        } else {
          errors.add("unable to terminate instance: " + AwsErrors.describe(e));
        }
      }
    }
    if (!config.spotInstanceRequestId.isEmpty()) {
      try {
        ec2.get().cancelSpotInstanceRequests(b -> b.spotInstanceRequestIds(config.spotInstanceRequestId));
      } catch (SdkException e) {
        if (!AwsErrors.isNotFound(e)) {
          errors.add("unable to cancel spot instance request: " + AwsErrors.describe(e));
        }
      }
    }
    if (!config.existingKey) {
      if (config.keyName.isEmpty()) {
        progress.warn("Missing key pair name, this is likely due to a failure during machine creation");
      } else {
        try {
          deleteKeyPair(config.keyName);
        } catch (SdkException e) {
          errors.add("unable to remove key pair: " + AwsErrors.describe(e));
        }
      }
    }
    if (!config.pendingSecurityGroups.isEmpty()) {
      try {
        securityGroups().createdBy(config.id).stream()
            .filter(g -> !config.createdSecurityGroupIds.contains(g))
            .forEach(config.createdSecurityGroupIds::add);
        config.pendingSecurityGroups.clear();
      } catch (SdkException e) {
        errors.add("unable to look for the security groups of an unfinished create: " + AwsErrors.describe(e));
      }
    }
    // While an instance may be running unseen, its groups stay recorded: the next rm deletes them.
    for (String group : lookedUp ? List.copyOf(config.createdSecurityGroupIds) : List.<String>of()) {
      try {
        deleteSecurityGroup(group, target);
      } catch (RuntimeException e) {
        errors.add("unable to delete security group " + group + ": " + AwsErrors.message(e));
      }
    }
    if (!errors.isEmpty()) {
      StringBuilder text = new StringBuilder();
      errors.forEach(e -> text.append(e).append('\n'));
      throw new MachineException(text.toString());
    }
  }

  /**
   * The instance of a create that was killed before it saved the instance id: launched with this
   * machine's client token, and tagged with its {@link Tags#CREATOR} at launch (not found by
   * {@code Name}, which {@code --amazonec2-tags} may replace; the tag filter is used because not
   * every EC2-compatible API filters on {@code client-token}). A failed lookup is thrown: the
   * caller must not take it for "no instance".
   */
  private Optional<String> findByClientToken() {
    return ec2.get().describeInstances(b -> b.filters(Filter.builder().name("tag:" + Tags.CREATOR).values(config.id).build()))
        .reservations()
        .stream()
        .flatMap(r -> r.instances().stream())
        .filter(i -> config.clientToken.equals(i.clientToken()))
        .filter(i -> i.state() == null || !"terminated".equals(i.state().nameAsString()))
        .map(Instance::instanceId)
        .findFirst();
  }

  private void terminate(String id) {
    ec2.get().terminateInstances(b -> b.instanceIds(id));
  }

  private void deleteKeyPair(String name) {
    try {
      ec2.get().deleteKeyPair(b -> b.keyName(name));
    } catch (SdkException e) {
      if (!AwsErrors.isNotFound(e)) {
        throw e;
      }
    }
  }

  private void deleteSecurityGroup(String groupId, String ownInstance) {
    securityGroups().delete(groupId, ownInstance);
    config.createdSecurityGroupIds.remove(groupId);
  }

  private SecurityGroups securityGroups() {
    return new SecurityGroups(ec2.get(), config.vpcId, progress, environment);
  }
}
