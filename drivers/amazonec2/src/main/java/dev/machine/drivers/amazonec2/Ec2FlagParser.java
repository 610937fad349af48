package dev.machine.drivers.amazonec2;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.DriverOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Docker Machine's SetConfigFromFlags for amazonec2: fills the machine's config from the
 * {@code --amazonec2-*} flags in its order, with its error messages, checks that credentials
 * resolve and finds the VPC (the subnet's, or the account's default).
 */
final class Ec2FlagParser {
  private static final String CUSTOM_ENDPOINT_REGION = "custom-endpoint";

  private final Ec2MachineConfig config;
  private final Ec2Environment environment;
  private final Supplier<Ec2Client> ec2;
  private final Progress progress;

  Ec2FlagParser(Ec2MachineConfig config, Ec2Environment environment, Supplier<Ec2Client> ec2, Progress progress) {
    this.config = config;
    this.environment = environment;
    this.ec2 = ec2;
    this.progress = progress;
  }

  /** Reads every amazonec2 flag but the SSH user and port, which the driver keeps itself. */
  void parse(DriverOptions o) {
    config.endpoint = o.string(Ec2Flags.ENDPOINT);
    config.region = o.string(Ec2Flags.REGION);
    if (config.region.isEmpty()) {
      config.region = Ec2Flags.DEFAULT_REGION;
    }
    if (config.endpoint.isEmpty() && !isKnownRegion(config.region)) {
      throw new MachineException("Invalid region specified");
    }
    config.ami = o.string(Ec2Flags.AMI);
    config.image = o.string(Ec2Flags.IMAGE);
    config.instanceType = o.string(Ec2Flags.INSTANCE_TYPE);
    config.vpcId = o.string(Ec2Flags.VPC_ID);
    config.subnetId = o.string(Ec2Flags.SUBNET_ID);
    config.securityGroupNames = new ArrayList<>(o.stringList(Ec2Flags.SECURITY_GROUP));
    config.securityGroupReadOnly = o.bool(Ec2Flags.SECURITY_GROUP_READONLY);
    config.openPorts = new ArrayList<>(o.stringList(Ec2Flags.OPEN_PORT));
    config.tags = o.string(Ec2Flags.TAGS);
    config.zone = o.string(Ec2Flags.ZONE);
    config.deviceName = o.string(Ec2Flags.DEVICE_NAME);
    config.rootSize = o.integer(Ec2Flags.ROOT_SIZE);
    config.volumeType = o.string(Ec2Flags.VOLUME_TYPE);
    config.encryptEbsVolume = o.bool(Ec2Flags.ENCRYPT_EBS_VOLUME);
    config.kmsKeyId = o.string(Ec2Flags.KMS_KEY);
    config.iamInstanceProfile = o.string(Ec2Flags.IAM_INSTANCE_PROFILE);
    config.requestSpotInstance = o.bool(Ec2Flags.REQUEST_SPOT_INSTANCE);
    config.spotPrice = o.string(Ec2Flags.SPOT_PRICE);
    config.blockDurationMinutes = o.integer(Ec2Flags.BLOCK_DURATION_MINUTES);
    config.privateIpOnly = o.bool(Ec2Flags.PRIVATE_ADDRESS_ONLY);
    config.usePrivateIp = o.bool(Ec2Flags.USE_PRIVATE_ADDRESS);
    config.monitoring = o.bool(Ec2Flags.MONITORING);
    config.useEbsOptimizedInstance = o.bool(Ec2Flags.USE_EBS_OPTIMIZED_INSTANCE);
    config.sshPrivateKeyPath = o.string(Ec2Flags.SSH_KEYPATH);
    config.keyName = o.string(Ec2Flags.KEYPAIR_NAME);
    config.existingKey = !config.keyName.isEmpty();
    config.retryCount = o.integer(Ec2Flags.RETRIES);
    config.disableSsl = o.bool(Ec2Flags.INSECURE_TRANSPORT);
    config.userDataFile = o.string(Ec2Flags.USERDATA);
    config.httpEndpoint = o.string(Ec2Flags.HTTP_ENDPOINT);
    config.httpTokens = o.string(Ec2Flags.HTTP_TOKENS);

    if (config.disableSsl && config.endpoint.isEmpty()) {
      throw new MachineException("using --amazonec2-insecure-transport also requires --amazonec2-endpoint");
    }
    if (config.existingKey && config.sshPrivateKeyPath.isEmpty()) {
      throw new MachineException("using --amazonec2-keypair-name also requires --amazonec2-ssh-keypath");
    }
    if (!config.httpEndpoint.equals("enabled") && !config.httpEndpoint.equals("disabled")) {
      throw new MachineException("httpEndpoint must be either enabled or disabled");
    }
    if (!config.httpTokens.equals("optional") && !config.httpTokens.equals("required")) {
      throw new MachineException("httpTokens must be either optional or required");
    }
    if (!config.kmsKeyId.isEmpty()) {
      config.encryptEbsVolume = true;
    }
    // A bad image name fails here, before anything is saved or created.
    config.imageQuery = null;
    if (config.ami.isEmpty() && !config.image.isEmpty()) {
      config.imageQuery = ImageCatalog.load().parse(config.image, Architectures.ofInstanceType(config.instanceType));
    }
    for (String port : config.openPorts) {
      IngressRules.parseOpenPort(port);
    }

    configureCredentials(o);
    try {
      environment.clients().credentials(config.connection()).resolveCredentials();
    } catch (SdkException e) {
      throw new MachineException(
          "amazonec2 driver requires AWS credentials configured with the --amazonec2-access-key and"
              + " --amazonec2-secret-key options, environment variables, ~/.aws/credentials, or an instance role");
    }

    if (!config.subnetId.isEmpty()) {
      checkSubnet();
    } else if (config.vpcId.isEmpty()) {
      try {
        config.vpcId = defaultVpc();
      } catch (RuntimeException e) {
        progress.warn("Couldn't determine your account Default VPC ID : \"" + AwsErrors.message(e) + "\"");
      }
    }
    if (config.subnetId.isEmpty() && config.vpcId.isEmpty()) {
      throw new MachineException(
          "amazonec2 driver requires either the --amazonec2-subnet-id or --amazonec2-vpc-id option or an AWS"
              + " Account with a default vpc-id");
    }
  }

  private static boolean isKnownRegion(String name) {
    return CUSTOM_ENDPOINT_REGION.equals(name)
        || Region.regions().stream().anyMatch(r -> r.id().equals(name) && !r.isGlobalRegion());
  }

  /**
   * Keys typed on the command line are kept in config.json; keys that merely came from the
   * environment are used for this command only. They are kept only as a set that works alone:
   * both keys typed, and the session token too if there is one; otherwise none is (a lone secret
   * would never be used). A profile given without such keys wins over keys in the environment, as
   * it will on every later command.
   */
  private void configureCredentials(DriverOptions o) {
    config.accessKey = o.string(Ec2Flags.ACCESS_KEY);
    config.secretKey = o.string(Ec2Flags.SECRET_KEY);
    config.sessionToken = o.string(Ec2Flags.SESSION_TOKEN);
    config.profile = o.string(Ec2Flags.PROFILE);
    config.persistKeys =
        explicit(config.accessKey, "AWS_ACCESS_KEY_ID")
            && explicit(config.secretKey, "AWS_SECRET_ACCESS_KEY")
            && (config.sessionToken.isEmpty() || explicit(config.sessionToken, "AWS_SESSION_TOKEN"));
    if (!config.profile.isEmpty() && !config.persistKeys) {
      config.accessKey = config.secretKey = config.sessionToken = "";
    }
  }

  private boolean explicit(String value, String variable) {
    return !value.isEmpty() && !value.equals(environment.variable(variable));
  }

  private String defaultVpc() {
    DescribeAccountAttributesResponse r =
        ec2.get().describeAccountAttributes(b -> b.attributeNamesWithStrings("default-vpc"));
    for (AccountAttribute attribute : r.accountAttributes()) {
      if (!"default-vpc".equals(attribute.attributeName())) {
        continue; // some EC2-compatible APIs return every attribute
      }
      for (AccountAttributeValue value : attribute.attributeValues()) {
        String v = value.attributeValue();
        if ("none".equals(v)) {
          throw new MachineException("default-vpc is 'none'");
        }
        if (v != null && !v.isEmpty()) {
          return v;
        }
      }
    }
    throw new MachineException("No default-vpc attribute");
  }

  /** The given subnet must exist; its VPC is taken when none was given, and must match otherwise. */
  private void checkSubnet() {
    List<Subnet> subnets;
    try {
      DescribeSubnetsResponse r = ec2.get().describeSubnets(b -> b.subnetIds(config.subnetId));
      subnets = r.subnets();
    } catch (SdkException e) {
      if (!AwsErrors.isNotFound(e)) {
        throw new MachineException(AwsErrors.describe(e), e);
      }
      subnets = List.of();
    }
    if (subnets.isEmpty()) {
      throw new MachineException(
          "The desired subnet could not be located in this region. Is '--amazonec2-subnet-id' or AWS_SUBNET_ID"
              + " configured correctly?");
    }
    String subnetVpc = subnets.get(0).vpcId();
    if (config.vpcId.isEmpty()) {
      config.vpcId = subnetVpc;
    } else if (!config.vpcId.equals(subnetVpc)) {
      throw new MachineException("SubnetId: " + config.subnetId + " does not belong to VpcId: " + config.vpcId);
    }
  }
}
