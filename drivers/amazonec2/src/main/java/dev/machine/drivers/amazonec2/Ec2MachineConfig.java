package dev.machine.drivers.amazonec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The machine's EC2 settings and the resources it made: the driver's own keys in config.json,
 * Docker Machine's first, in its order, then this driver's additions. The flags fill it, create
 * records each resource in it the moment it exists and rm forgets them; every checkpoint writes it.
 * Plain fields, like Docker Machine's Driver struct: the driver's parts share them.
 */
final class Ec2MachineConfig {
  // Persisted, in Docker Machine's key order (see write).
  String id = randomId();
  String accessKey = "";
  String secretKey = "";
  String sessionToken = "";
  String region = Ec2Flags.DEFAULT_REGION;
  String ami = "";
  boolean existingKey;
  String keyName = "";
  String instanceId = "";
  String instanceType = Ec2Flags.DEFAULT_INSTANCE_TYPE;
  String privateIpAddress = "";
  String legacySecurityGroupId = "";
  List<String> securityGroupIds = new ArrayList<>();
  String legacySecurityGroupName = "";
  List<String> securityGroupNames = new ArrayList<>(List.of(Ec2Flags.DEFAULT_SECURITY_GROUP));
  boolean securityGroupReadOnly;
  List<String> openPorts = new ArrayList<>();
  String tags = "";
  String reservationId = "";
  String deviceName = Ec2Flags.DEFAULT_DEVICE_NAME;
  int rootSize = Ec2Flags.DEFAULT_ROOT_SIZE;
  String volumeType = Ec2Flags.DEFAULT_VOLUME_TYPE;
  String iamInstanceProfile = "";
  String vpcId = "";
  String subnetId = "";
  String zone = Ec2Flags.DEFAULT_ZONE;
  boolean requestSpotInstance;
  String spotPrice = Ec2Flags.DEFAULT_SPOT_PRICE;
  int blockDurationMinutes;
  boolean privateIpOnly;
  boolean usePrivateIp;
  boolean useEbsOptimizedInstance;
  boolean monitoring;
  String sshPrivateKeyPath = "";
  int retryCount = Ec2Flags.DEFAULT_RETRIES;
  String endpoint = "";
  boolean disableSsl;
  String userDataFile = "";
  // Additions, written after Docker Machine's keys.
  String profile = "";
  String image = "";
  String imageName = "";
  String httpEndpoint = Ec2Flags.DEFAULT_HTTP_ENDPOINT;
  String httpTokens = Ec2Flags.DEFAULT_HTTP_TOKENS;
  boolean encryptEbsVolume;
  String kmsKeyId = "";
  String spotInstanceRequestId = "";
  String clientToken = "";
  List<String> createdSecurityGroupIds = new ArrayList<>();
  List<String> pendingSecurityGroups = new ArrayList<>();

  // Not persisted.
  /** Whether the static keys (and session token) go to config.json: only keys typed as flags do. */
  boolean persistKeys = true;
  /** The image named by {@code --amazonec2-image}, parsed when the flags were read. */
  ImageCatalog.Query imageQuery;

  private static String randomId() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  void read(ObjectNode c) {
    id = text(c, "Id");
    accessKey = text(c, "AccessKey");
    secretKey = text(c, "SecretKey");
    sessionToken = text(c, "SessionToken");
    region = text(c, "Region");
    ami = text(c, "AMI");
    existingKey = c.path("ExistingKey").asBoolean(false);
    keyName = text(c, "KeyName");
    instanceId = text(c, "InstanceId");
    instanceType = text(c, "InstanceType");
    privateIpAddress = text(c, "PrivateIPAddress");
    legacySecurityGroupId = text(c, "SecurityGroupId");
    securityGroupIds = list(c, "SecurityGroupIds");
    legacySecurityGroupName = text(c, "SecurityGroupName");
    securityGroupNames = list(c, "SecurityGroupNames");
    securityGroupReadOnly = c.path("SecurityGroupReadOnly").asBoolean(false);
    openPorts = list(c, "OpenPorts");
    tags = text(c, "Tags");
    reservationId = text(c, "ReservationId");
    deviceName = text(c, "DeviceName");
    rootSize = c.path("RootSize").asInt(Ec2Flags.DEFAULT_ROOT_SIZE);
    volumeType = text(c, "VolumeType");
    iamInstanceProfile = text(c, "IamInstanceProfile");
    vpcId = text(c, "VpcId");
    subnetId = text(c, "SubnetId");
    zone = text(c, "Zone");
    requestSpotInstance = c.path("RequestSpotInstance").asBoolean(false);
    spotPrice = text(c, "SpotPrice");
    blockDurationMinutes = c.path("BlockDurationMinutes").asInt(0);
    privateIpOnly = c.path("PrivateIPOnly").asBoolean(false);
    usePrivateIp = c.path("UsePrivateIP").asBoolean(false);
    useEbsOptimizedInstance = c.path("UseEbsOptimizedInstance").asBoolean(false);
    monitoring = c.path("Monitoring").asBoolean(false);
    sshPrivateKeyPath = text(c, "SSHPrivateKeyPath");
    retryCount = c.path("RetryCount").asInt(Ec2Flags.DEFAULT_RETRIES);
    endpoint = text(c, "Endpoint");
    disableSsl = c.path("DisableSSL").asBoolean(false);
    userDataFile = text(c, "UserDataFile");
    profile = text(c, "Profile");
    image = text(c, "Image");
    imageName = text(c, "ImageName");
    httpEndpoint = textOr(c, "HttpEndpoint", Ec2Flags.DEFAULT_HTTP_ENDPOINT);
    httpTokens = textOr(c, "HttpTokens", Ec2Flags.DEFAULT_HTTP_TOKENS);
    encryptEbsVolume = c.path("EncryptEbsVolume").asBoolean(false);
    kmsKeyId = text(c, "KmsKeyId");
    spotInstanceRequestId = text(c, "SpotInstanceRequestId");
    clientToken = text(c, "ClientToken");
    createdSecurityGroupIds = list(c, "CreatedSecurityGroupIds");
    pendingSecurityGroups = list(c, "PendingSecurityGroups");
    persistKeys = true;
    if (region.isEmpty()) {
      region = Ec2Flags.DEFAULT_REGION;
    }
  }

  void write(ObjectNode c) {
    c.put("Id", id);
    c.put("AccessKey", persistKeys ? accessKey : "");
    c.put("SecretKey", persistKeys ? secretKey : "");
    c.put("SessionToken", persistKeys ? sessionToken : "");
    c.put("Region", region);
    c.put("AMI", ami);
    c.put("SSHKeyID", 0);
    c.put("ExistingKey", existingKey);
    c.put("KeyName", keyName);
    c.put("InstanceId", instanceId);
    c.put("InstanceType", instanceType);
    c.put("PrivateIPAddress", privateIpAddress);
    c.put("SecurityGroupId", legacySecurityGroupId);
    putList(c, "SecurityGroupIds", securityGroupIds);
    c.put("SecurityGroupName", legacySecurityGroupName);
    putList(c, "SecurityGroupNames", securityGroupNames);
    c.put("SecurityGroupReadOnly", securityGroupReadOnly);
    putList(c, "OpenPorts", openPorts);
    c.put("Tags", tags);
    c.put("ReservationId", reservationId);
    c.put("DeviceName", deviceName);
    c.put("RootSize", rootSize);
    c.put("VolumeType", volumeType);
    c.put("IamInstanceProfile", iamInstanceProfile);
    c.put("VpcId", vpcId);
    c.put("SubnetId", subnetId);
    c.put("Zone", zone);
    c.put("RequestSpotInstance", requestSpotInstance);
    c.put("SpotPrice", spotPrice);
    c.put("BlockDurationMinutes", blockDurationMinutes);
    c.put("PrivateIPOnly", privateIpOnly);
    c.put("UsePrivateIP", usePrivateIp);
    c.put("UseEbsOptimizedInstance", useEbsOptimizedInstance);
    c.put("Monitoring", monitoring);
    c.put("SSHPrivateKeyPath", sshPrivateKeyPath);
    c.put("RetryCount", retryCount);
    c.put("Endpoint", endpoint);
    c.put("DisableSSL", disableSsl);
    c.put("UserDataFile", userDataFile);
    c.put("Profile", profile);
    c.put("Image", image);
    c.put("ImageName", imageName);
    c.put("HttpEndpoint", httpEndpoint);
    c.put("HttpTokens", httpTokens);
    c.put("EncryptEbsVolume", encryptEbsVolume);
    c.put("KmsKeyId", kmsKeyId);
    c.put("SpotInstanceRequestId", spotInstanceRequestId);
    c.put("ClientToken", clientToken);
    putList(c, "CreatedSecurityGroupIds", createdSecurityGroupIds);
    putList(c, "PendingSecurityGroups", pendingSecurityGroups);
  }

  /** Region, endpoint and credentials of the EC2 API this machine lives in. */
  Ec2Connection connection() {
    return new Ec2Connection(
        region.isEmpty() ? Ec2Flags.DEFAULT_REGION : region,
        endpoint,
        disableSsl,
        accessKey,
        secretKey,
        sessionToken,
        profile,
        retryCount);
  }

  /** Whether the machine is reached at its private address rather than its public one. */
  boolean usesPrivateAddress() {
    return privateIpOnly || usePrivateIp;
  }

  /** The instance's address the machine is reached at (see {@link #usesPrivateAddress}). */
  String addressOf(Instance instance) {
    return usesPrivateAddress() ? instance.privateIpAddress() : instance.publicIpAddress();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static String textOr(JsonNode node, String field, String fallback) {
    String v = text(node, field);
    return v.isEmpty() ? fallback : v;
  }

  private static List<String> list(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = node.get(field);
    if (v != null && v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    }
    return out;
  }

  private static void putList(ObjectNode node, String field, List<String> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(array::add);
  }
}
