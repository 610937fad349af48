package dev.machine.drivers.amazonec2;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Checkpoint;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.ssh.SshKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMarketOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.SpotInstanceType;
import software.amazon.awssdk.services.ec2.model.SpotMarketOptions;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The steps of create, which the driver runs in order: SSH key, key pair, security groups,
 * RunInstances, wait. Each resource is recorded in the config and saved (checkpoint) the moment it
 * exists, or just before the call that makes it, so that rm finds it even after a {@code kill -9}.
 */
final class CreateSteps {
  private static final Duration POLL = Duration.ofSeconds(3);
  private static final int MAX_POLLS = 60;

  private final Ec2MachineConfig config;
  private final Ec2Environment environment;
  private final Supplier<Ec2Client> ec2;
  private final DriverContext context;
  private final Progress progress;
  private final Checkpoint checkpoint;

  CreateSteps(Ec2MachineConfig config, Ec2Environment environment, Supplier<Ec2Client> ec2, DriverContext context) {
    this.config = config;
    this.environment = environment;
    this.ec2 = ec2;
    this.context = context;
    this.progress = context.progress();
    this.checkpoint = context.checkpoint();
  }

  /** The user data file's content in base64, or null without {@code --amazonec2-userdata}. */
  String userData() {
    if (config.userDataFile.isEmpty()) {
      return null;
    }
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(config.userDataFile)));
    } catch (IOException e) {
      progress.warn("failed to read user data file " + config.userDataFile + ": " + e.getMessage());
      throw new MachineException("unable to read --amazonec2-userdata file", e);
    }
  }

  /**
   * Puts the machine's private key (a new one, or a copy of {@code --amazonec2-ssh-keypath}) in its
   * store directory, and returns its path.
   */
  Path installSshKey() {
    Path key = context.machineDir().resolve("id_rsa");
    try {
      Files.createDirectories(key.getParent());
      Files.deleteIfExists(key);
      Files.deleteIfExists(SshKeys.publicKeyPath(key));
      if (config.sshPrivateKeyPath.isEmpty()) {
        SshKeys.generate(key);
      } else {
        writeSecret(key, Files.readAllBytes(Path.of(config.sshPrivateKeyPath)));
        // A key downloaded from the AWS console is a lone .pem: the .pub is copied only if there is one.
        Path userPublicKey = SshKeys.publicKeyPath(Path.of(config.sshPrivateKeyPath));
        if (Files.isRegularFile(userPublicKey)) {
          writeSecret(SshKeys.publicKeyPath(key), Files.readAllBytes(userPublicKey));
        }
      }
    } catch (IOException | MachineException e) {
      throw new MachineException("unable to create key pair: " + e.getMessage(), e);
    }
    return key;
  }

  /** Imports the public half of {@code key} as the machine's key pair, unless it is the user's. */
  void importKeyPair(Path key) {
    if (config.existingKey) {
      return; // EC2 holds the public half already
    }
    String publicKey;
    try {
      publicKey = SshKeys.publicKeyOf(key); // the .pub, or derived from the private key
    } catch (MachineException e) {
      throw new MachineException("unable to create key pair: " + e.getMessage(), e);
    }
    // Saved before the call: deleting a key pair that was never made is harmless, forgetting one is not.
    config.keyName = context.machineName();
    checkpoint.save();
    try {
      ec2.get().importKeyPair(b -> b.keyName(config.keyName).publicKeyMaterial(SdkBytes.fromUtf8String(publicKey)));
    } catch (SdkException e) {
      // Forgotten only when EC2 answered no (a Duplicate is someone else's key pair). A call that
      // failed on this side (interrupted by Ctrl-C, timed out) may have made it: keep it to delete.
      if (e instanceof AwsServiceException) {
        config.keyName = "";
        checkpoint.save();
      }
      throw new MachineException("unable to create key pair: " + AwsErrors.describe(e), e);
    }
  }

  /** Writes a key file readable by its owner only (copied keys keep no looser mode). */
  private static void writeSecret(Path file, byte[] content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, content);
  }

  private List<String> groupNames() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    if (!config.legacySecurityGroupName.isEmpty()) {
      names.add(config.legacySecurityGroupName);
    }
    names.addAll(config.securityGroupNames);
    return new ArrayList<>(names);
  }

  /** Finds or creates the security groups and opens their ports; saves each group it creates. */
  void configureSecurityGroups(int sshPort, int swarmPort) {
    List<String> ids = new ArrayList<>();
    if (!config.legacySecurityGroupId.isEmpty()) {
      ids.add(config.legacySecurityGroupId);
    }
    List<String> configured =
        securityGroups()
            .configure(
                groupNames(),
                config.securityGroupReadOnly,
                sshPort,
                swarmPort,
                config.openPorts,
                config.id,
                new SecurityGroups.Creation() {
                  // Saved before the call too: a create killed before it saved the id leaves a
                  // pending name, and rm then finds the group by its creator tag.
                  @Override
                  public void creating(String name) {
                    config.pendingSecurityGroups.add(name);
                    checkpoint.save();
                  }

                  @Override
                  public void created(String name, String groupId) {
                    config.pendingSecurityGroups.remove(name);
                    config.createdSecurityGroupIds.add(groupId);
                    checkpoint.save();
                  }

                  @Override
                  public void notCreated(String name) {
                    config.pendingSecurityGroups.remove(name);
                    checkpoint.save();
                  }
                });
    configured.stream().filter(g -> !ids.contains(g)).forEach(ids::add);
    config.securityGroupIds = ids;
  }

  private SecurityGroups securityGroups() {
    return new SecurityGroups(ec2.get(), config.vpcId, progress, environment);
  }

  /** RunInstances with the tags, IMDS options and (for spot) market options; saves the instance. */
  void launch(String userData) {
    List<Tag> tagList = new ArrayList<>();
    Tags.forMachine(context.machineName(), config.id, config.tags, progress)
        .forEach((k, v) -> tagList.add(Tag.builder().key(k).value(v).build()));
    EbsBlockDevice.Builder ebs =
        EbsBlockDevice.builder().volumeSize(config.rootSize).volumeType(config.volumeType).deleteOnTermination(true);
    if (config.encryptEbsVolume) {
      ebs.encrypted(true);
      if (!config.kmsKeyId.isEmpty()) {
        ebs.kmsKeyId(config.kmsKeyId);
      }
    }
    RunInstancesRequest.Builder request =
        RunInstancesRequest.builder()
            .imageId(config.ami)
            .minCount(1)
            .maxCount(1)
            .keyName(config.keyName)
            .instanceType(config.instanceType)
            .clientToken(clientToken())
            .networkInterfaces(
                InstanceNetworkInterfaceSpecification.builder()
                    .deviceIndex(0)
                    .groups(config.securityGroupIds)
                    .subnetId(config.subnetId)
                    .associatePublicIpAddress(!config.privateIpOnly)
                    .build())
            .monitoring(m -> m.enabled(config.monitoring))
            .ebsOptimized(config.useEbsOptimizedInstance)
            .blockDeviceMappings(BlockDeviceMapping.builder().deviceName(config.deviceName).ebs(ebs.build()).build())
            .metadataOptions(
                InstanceMetadataOptionsRequest.builder().httpEndpoint(config.httpEndpoint).httpTokens(config.httpTokens).build())
            .tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tagList).build(),
                TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(tagList).build());
    if (!config.iamInstanceProfile.isEmpty()) {
      request.iamInstanceProfile(IamInstanceProfileSpecification.builder().name(config.iamInstanceProfile).build());
    }
    if (userData != null) {
      request.userData(userData);
    }
    if (config.requestSpotInstance) {
      SpotMarketOptions.Builder spot =
          SpotMarketOptions.builder().maxPrice(config.spotPrice).spotInstanceType(SpotInstanceType.ONE_TIME);
      if (config.blockDurationMinutes != 0) {
        spot.blockDurationMinutes(config.blockDurationMinutes);
      }
      request.instanceMarketOptions(
          InstanceMarketOptionsRequest.builder().marketType(MarketType.SPOT).spotOptions(spot.build()).build());
    }
    RunInstancesResponse response;
    try {
      response = ec2.get().runInstances(request.build());
    } catch (SdkException e) {
      throw new MachineException(
          (config.requestSpotInstance ? "Error request spot instance: " : "Error launching instance: ")
              + AwsErrors.describe(e),
          e);
    }
    Instance instance = response.instances().get(0);
    config.instanceId = instance.instanceId();
    config.reservationId = nullToEmpty(response.reservationId());
    config.privateIpAddress = nullToEmpty(instance.privateIpAddress());
    config.spotInstanceRequestId = nullToEmpty(instance.spotInstanceRequestId());
    checkpoint.save();
    if (config.requestSpotInstance) {
      progress.info("Created spot instance request " + config.spotInstanceRequestId);
    }
  }

  /**
   * The idempotency token of this machine's RunInstances, saved before the call: a create killed
   * before the instance id was saved can still be found (and removed) by it.
   */
  private String clientToken() {
    if (config.clientToken.isEmpty()) {
      config.clientToken = config.id;
    }
    checkpoint.save();
    return config.clientToken;
  }

  /**
   * Waits until the instance runs and has its address. Only {@code InvalidInstanceID.NotFound} is
   * retried (EC2 is eventually consistent: a just-launched id may not be known everywhere yet);
   * any other error fails the create at once. Returns the address the machine is reached at.
   */
  String waitForIpAndRunning(Supplier<Instance> describe) {
    AtomicReference<Instance> ready = new AtomicReference<>();
    environment.retryWait(MAX_POLLS, POLL).waitFor(
        () -> {
          Instance instance = describe.get();
          String state = instance.state() == null ? "" : instance.state().nameAsString();
          if ("terminated".equals(state) || "shutting-down".equals(state)) {
            String reason = instance.stateReason() == null ? state : instance.stateReason().message();
            throw new MachineException("Instance " + config.instanceId + " stopped while starting: " + reason);
          }
          String ip = config.addressOf(instance);
          if (ip == null || ip.isEmpty() || !"running".equals(state)) {
            return false;
          }
          ready.set(instance);
          return true;
        },
        AmazonEc2Driver.InstanceNotFoundException.class::isInstance);
    String ip = config.addressOf(ready.get());
    if (ready.get().privateIpAddress() != null) {
      config.privateIpAddress = ready.get().privateIpAddress();
    }
    return ip;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
