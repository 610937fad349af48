package dev.machine.drivers.amazonec2;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The checks before anything is created: the key pair (the user's must exist, the machine's must
 * not), the subnet (found for the zone unless given) and the image (resolved, or the AMI given
 * described), saved in the config for the create.
 */
final class PreCreateCheck {
  private final Ec2MachineConfig config;
  private final Supplier<Ec2Client> ec2;
  private final String machineName;
  private final Progress progress;

  PreCreateCheck(Ec2MachineConfig config, Supplier<Ec2Client> ec2, String machineName, Progress progress) {
    this.config = config;
    this.ec2 = ec2;
    this.machineName = machineName;
    this.progress = progress;
  }

  /** Runs the checks; returns the SSH user to use (see {@link #chooseImage}). */
  String check(String sshUser) {
    try {
      checkKeyPair();
      if (config.subnetId.isEmpty()) {
        config.subnetId = subnetInZone();
      }
      return chooseImage(sshUser);
    } catch (SdkException e) {
      throw new MachineException(AwsErrors.describe(e), e);
    }
  }

  private void checkKeyPair() {
    String name = config.existingKey ? config.keyName : machineName;
    boolean exists;
    try {
      exists = !ec2.get().describeKeyPairs(b -> b.keyNames(name)).keyPairs().isEmpty();
    } catch (SdkException e) {
      if (!AwsErrors.isNotFound(e)) {
        throw new MachineException(AwsErrors.describe(e), e);
      }
      exists = false;
    }
    if (config.existingKey && !exists) {
      throw new MachineException(
          "There is no keypair with the name " + name + ". Please verify the key name provided.");
    }
    if (!config.existingKey && exists) {
      throw new MachineException(
          "There is already a keypair with the name "
              + name
              + ".  Please either remove that keypair or use a different machine name.");
    }
  }

  private String availabilityZone() {
    return config.endpoint.isEmpty() ? config.region + config.zone : config.zone;
  }

  private String subnetInZone() {
    String az = availabilityZone();
    List<Subnet> subnets =
        ec2.get().describeSubnets(
                b ->
                    b.filters(
                        Filter.builder().name("availability-zone").values(az).build(),
                        Filter.builder().name("vpc-id").values(config.vpcId).build()))
            .subnets();
    if (subnets.isEmpty()) {
      throw new MachineException(
          "unable to find a subnet that is both in the zone " + az + " and belonging to VPC ID " + config.vpcId);
    }
    return subnets.stream()
        .filter(s -> Boolean.TRUE.equals(s.defaultForAz()))
        .findFirst()
        .orElse(subnets.get(0))
        .subnetId();
  }

  /**
   * Resolves the image name (or the default Ubuntu LTS) to an AMI id, or checks the AMI id given.
   * Returns the SSH user: the image's distribution's when {@code sshUser} is the default one.
   */
  private String chooseImage(String sshUser) {
    if (!config.ami.isEmpty()) {
      inspectGivenAmi();
      return sshUser;
    }
    ImageCatalog catalog = ImageCatalog.load();
    ImageCatalog.Query query =
        config.imageQuery != null
            ? config.imageQuery
            : config.image.isEmpty()
                ? catalog.defaultImage(Architectures.ofInstanceType(config.instanceType))
                : catalog.parse(config.image, Architectures.ofInstanceType(config.instanceType));
    ImageCatalog.Resolved resolved = catalog.resolve(ec2.get(), query, config.region);
    config.ami = resolved.imageId();
    config.imageName = nullToEmpty(resolved.name());
    useRootDevice(resolved.rootDeviceName());
    String user = sshUser;
    if (Ec2Flags.DEFAULT_SSH_USER.equals(sshUser) && !resolved.sshUser().isEmpty()) {
      user = resolved.sshUser();
    }
    progress.info("Using AMI " + config.ami + " (" + config.imageName + ")");
    return user;
  }

  /**
   * Describes the AMI given with {@code --amazonec2-ami} once: a wrong id then fails here, before
   * anything is created, and the image's root device is known. Without the right to describe
   * images (a policy written for Docker Machine, which never did), the AMI is launched as given.
   */
  private void inspectGivenAmi() {
    List<Image> images;
    try {
      images = ec2.get().describeImages(b -> b.imageIds(config.ami)).images();
    } catch (SdkException e) {
      String code = AwsErrors.code(e);
      if (code.startsWith("InvalidAMIID.")) { // NotFound, Malformed, Unavailable
        throw amiNotFound(AwsErrors.describe(e));
      }
      if (!code.equals("UnauthorizedOperation")) {
        throw e;
      }
      progress.warn("Could not describe AMI " + config.ami + " (" + AwsErrors.describe(e) + "); using it as given");
      progress.info("Using AMI " + config.ami);
      return;
    }
    if (images.isEmpty()) {
      throw amiNotFound("no such image");
    }
    config.imageName = nullToEmpty(images.get(0).name());
    useRootDevice(images.get(0).rootDeviceName());
    progress.info("Using AMI " + config.ami + " (" + config.imageName + ")");
  }

  private MachineException amiNotFound(String cause) {
    return new MachineException(
        "AMI " + config.ami + " not found in region " + config.region + " (" + cause + "). Check --amazonec2-ami and"
            + " --amazonec2-region.");
  }

  /**
   * Takes the image's root device name unless {@code --amazonec2-device-name} was given: the root
   * volume's size only applies when the mapping names the image's own root device.
   */
  private void useRootDevice(String rootDeviceName) {
    if (Ec2Flags.DEFAULT_DEVICE_NAME.equals(config.deviceName) && rootDeviceName != null && !rootDeviceName.isEmpty()) {
      config.deviceName = rootDeviceName;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
