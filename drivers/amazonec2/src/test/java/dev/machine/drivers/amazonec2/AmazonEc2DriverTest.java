package dev.machine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.MapDriverOptions;
import dev.machine.core.driver.State;
import dev.machine.core.ssh.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.MockMakers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/** Error paths a real EC2 (or moto) cannot be made to produce, with a Mockito EC2 client. */
class AmazonEc2DriverTest {
  @TempDir Path store;

  private final Ec2Client ec2 =
      mock(Ec2Client.class, withSettings().mockMaker(MockMakers.SUBCLASS).defaultAnswer(CALLS_REAL_METHODS));
  private AwsCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
  private final List<Ec2Connection> connections = new ArrayList<>();
  private final List<String> infos = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<ObjectNode> checkpoints = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private final List<java.time.Duration> sleeps = new ArrayList<>();
  private AmazonEc2Driver driver;

  private final Ec2ClientFactory factory =
      new Ec2ClientFactory() {
        @Override
        public Ec2Client client(Ec2Connection connection) {
          connections.add(connection);
          return ec2;
        }

        @Override
        public AwsCredentialsProvider credentials(Ec2Connection connection) {
          connections.add(connection);
          return credentials;
        }
      };

  private AmazonEc2Driver newDriver() {
    Progress progress =
        new Progress() {
          @Override
          public void info(String message) {
            infos.add(message);
          }

          @Override
          public void warn(String message) {
            warnings.add(message);
          }
        };
    AmazonEc2Driver[] self = new AmazonEc2Driver[1];
    self[0] =
        new AmazonEc2Driver(
            new DriverContext("dev", store, progress, () -> checkpoints.add(self[0].writeConfig())),
            new Ec2Environment(env, factory, sleeps::add));
    driver = self[0];
    return driver;
  }

  private static MapDriverOptions options(Object... overrides) {
    Map<String, Object> values = new HashMap<>();
    for (CreateFlag f : Ec2Flags.ALL) {
      values.put(f.name(), f.defaultValue());
    }
    values.put("swarm-master", false);
    values.put("swarm-host", "tcp://0.0.0.0:3376");
    values.put("swarm-discovery", "");
    for (int i = 0; i < overrides.length; i += 2) {
      values.put((String) overrides[i], overrides[i + 1]);
    }
    return new MapDriverOptions(values);
  }

  private static AwsServiceException awsError(String code, String message, int status) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }

  private void defaultVpcIs(String value) {
    doReturn(
            DescribeAccountAttributesResponse.builder()
                .accountAttributes(
                    AccountAttribute.builder().attributeName("max-instances")
                        .attributeValues(AccountAttributeValue.builder().attributeValue("20").build()).build(),
                    AccountAttribute.builder().attributeName("default-vpc")
                        .attributeValues(AccountAttributeValue.builder().attributeValue(value).build()).build())
                .build())
        .when(ec2)
        .describeAccountAttributes(any(DescribeAccountAttributesRequest.class));
  }

  // --- SetConfigFromFlags -------------------------------------------------------------------------

  @Test
  void knownRegionsAreAcceptedAndUnknownOnesRejectedUnlessAnEndpointIsGiven() {
    defaultVpcIs("vpc-9999");
    newDriver().setConfigFromFlags(options("amazonec2-region", "eu-west-1"));
    newDriver().setConfigFromFlags(options("amazonec2-region", "eu-central-1"));
    // The SDK's region list, not Docker Machine's 2018 table (which rejected eu-central-2).
    newDriver().setConfigFromFlags(options("amazonec2-region", "eu-central-2"));
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options("amazonec2-region", "xx-nowhere-1")))
        .hasMessage("Invalid region specified");
    newDriver()
        .setConfigFromFlags(
            options("amazonec2-region", "xx-nowhere-1", "amazonec2-endpoint", "http://127.0.0.1:1"));
    assertThat(driver.connection().region()).isEqualTo("xx-nowhere-1");
  }

  @Test
  void missingCredentialsGiveDockerMachinesMessage() {
    credentials =
        () -> {
          throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options()))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "amazonec2 driver requires AWS credentials configured with the --amazonec2-access-key and"
                + " --amazonec2-secret-key options, environment variables, ~/.aws/credentials, or an instance role");
  }

  @Test
  void flagCombinationsAreCheckedWithDockerMachinesMessages() {
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options("amazonec2-insecure-transport", true)))
        .hasMessage("using --amazonec2-insecure-transport also requires --amazonec2-endpoint");
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options("amazonec2-keypair-name", "mine")))
        .hasMessage("using --amazonec2-keypair-name also requires --amazonec2-ssh-keypath");
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options("amazonec2-http-endpoint", "on")))
        .hasMessage("httpEndpoint must be either enabled or disabled");
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options("amazonec2-http-tokens", "always")))
        .hasMessage("httpTokens must be either optional or required");
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options("amazonec2-open-port", List.of("abc1"))))
        .hasMessageStartingWith("invalid port number abc1: ");
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options("amazonec2-image", "windows-2019-x64")))
        .hasMessageStartingWith("Unknown image name \"windows-2019-x64\". Accepted forms: ubuntu-");
  }

  @Test
  void theDefaultVpcIsUsedWhenNeitherVpcNorSubnetIsGiven() {
    defaultVpcIs("vpc-9999");
    newDriver().setConfigFromFlags(options());
    assertThat(driver.writeConfig().get("VpcId").asText()).isEqualTo("vpc-9999");
  }

  @Test
  void noDefaultVpcAndNoSubnetIsAnError() {
    defaultVpcIs("none");
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options()))
        .hasMessage(
            "amazonec2 driver requires either the --amazonec2-subnet-id or --amazonec2-vpc-id option or an AWS"
                + " Account with a default vpc-id");
    assertThat(warnings).containsExactly("Couldn't determine your account Default VPC ID : \"default-vpc is 'none'\"");
  }

  @Test
  void aMissingDefaultVpcAttributeOrAFailedLookupIsWarnedAbout() {
    doReturn(DescribeAccountAttributesResponse.builder().build())
        .when(ec2)
        .describeAccountAttributes(any(DescribeAccountAttributesRequest.class));
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options())).isInstanceOf(MachineException.class);
    assertThat(warnings).containsExactly("Couldn't determine your account Default VPC ID : \"No default-vpc attribute\"");
    warnings.clear();
    doThrow(awsError("UnauthorizedOperation", "Not Found", 403))
        .when(ec2)
        .describeAccountAttributes(any(DescribeAccountAttributesRequest.class));
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options())).isInstanceOf(MachineException.class);
    assertThat(warnings)
        .containsExactly("Couldn't determine your account Default VPC ID : \"UnauthorizedOperation: Not Found\"");
  }

  @Test
  void aSubnetThatDoesNotExistOrIsInAnotherVpcIsRejected() {
    doThrow(awsError("InvalidSubnetID.NotFound", "The subnet ID 'subnet-x' does not exist", 400))
        .when(ec2)
        .describeSubnets(any(DescribeSubnetsRequest.class));
    assertThatThrownBy(() -> newDriver().setConfigFromFlags(options("amazonec2-subnet-id", "subnet-x")))
        .hasMessage(
            "The desired subnet could not be located in this region. Is '--amazonec2-subnet-id' or AWS_SUBNET_ID"
                + " configured correctly?");
    doReturn(DescribeSubnetsResponse.builder().subnets(Subnet.builder().subnetId("subnet-x").vpcId("vpc-1").build()).build())
        .when(ec2)
        .describeSubnets(any(DescribeSubnetsRequest.class));
    assertThatThrownBy(
            () -> newDriver().setConfigFromFlags(options("amazonec2-subnet-id", "subnet-x", "amazonec2-vpc-id", "vpc-2")))
        .hasMessage("SubnetId: subnet-x does not belong to VpcId: vpc-2");
  }

  @Test
  void aSubnetWithoutVpcBringsItsOwnVpcWithoutAskingForTheDefaultOne() {
    doReturn(DescribeSubnetsResponse.builder().subnets(Subnet.builder().subnetId("subnet-x").vpcId("vpc-1").build()).build())
        .when(ec2)
        .describeSubnets(any(DescribeSubnetsRequest.class));
    newDriver().setConfigFromFlags(options("amazonec2-subnet-id", "subnet-x"));
    assertThat(driver.writeConfig().get("VpcId").asText()).isEqualTo("vpc-1");
    verify(ec2, never()).describeAccountAttributes(any(DescribeAccountAttributesRequest.class));
  }

  @Test
  void credentialsFromTheEnvironmentAreUsedButNeverSaved() {
    defaultVpcIs("vpc-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
    env.put("AWS_SECRET_ACCESS_KEY", "envsecret");
    newDriver()
        .setConfigFromFlags(options("amazonec2-access-key", "AKIAENV", "amazonec2-secret-key", "envsecret"));
    assertThat(driver.connection().accessKey()).isEqualTo("AKIAENV");
    ObjectNode json = driver.writeConfig();
    assertThat(json.get("AccessKey").asText()).isEmpty();
    assertThat(json.get("SecretKey").asText()).isEmpty();
    assertThat(json.toString()).doesNotContain("envsecret");
  }

  @Test
  void credentialsTypedAsFlagsAreSavedAsDockerMachineDoes() {
    defaultVpcIs("vpc-1");
    newDriver().setConfigFromFlags(options("amazonec2-access-key", "AKIAFLAG", "amazonec2-secret-key", "flagsecret"));
    ObjectNode json = driver.writeConfig();
    assertThat(json.get("AccessKey").asText()).isEqualTo("AKIAFLAG");
    assertThat(json.get("SecretKey").asText()).isEqualTo("flagsecret");
  }

  private ObjectNode savedKeysOf(Object... flags) {
    defaultVpcIs("vpc-1");
    newDriver().setConfigFromFlags(options(flags));
    return driver.writeConfig();
  }

  private static List<String> keys(ObjectNode json) {
    return List.of(json.get("AccessKey").asText(), json.get("SecretKey").asText(), json.get("SessionToken").asText());
  }

  /** Keys are saved only as a set that works alone: both typed, and the token too when there is one. */
  @Test
  void typedKeysAreSavedOnlyAsACompleteSet() {
    env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
    env.put("AWS_SECRET_ACCESS_KEY", "envsecret");
    env.put("AWS_SESSION_TOKEN", "envtoken");
    // A typed secret with the environment's access key: the secret alone would never be used.
    assertThat(keys(savedKeysOf("amazonec2-access-key", "AKIAENV", "amazonec2-secret-key", "typedsecret")))
        .containsExactly("", "", "");
    assertThat(driver.connection().secretKey()).as("still used by this command").isEqualTo("typedsecret");
    // A typed access key with the environment's secret.
    assertThat(keys(savedKeysOf("amazonec2-access-key", "AKIATYPED", "amazonec2-secret-key", "envsecret")))
        .containsExactly("", "", "");
    // Both typed, but the session token they need comes from the environment.
    assertThat(
            keys(
                savedKeysOf(
                    "amazonec2-access-key", "ASIATYPED", "amazonec2-secret-key", "typedsecret",
                    "amazonec2-session-token", "envtoken")))
        .containsExactly("", "", "");
    // Everything typed.
    assertThat(
            keys(
                savedKeysOf(
                    "amazonec2-access-key", "ASIATYPED", "amazonec2-secret-key", "typedsecret",
                    "amazonec2-session-token", "typedtoken")))
        .containsExactly("ASIATYPED", "typedsecret", "typedtoken");
    // A typed token without typed keys.
    assertThat(
            keys(
                savedKeysOf(
                    "amazonec2-access-key", "AKIAENV", "amazonec2-secret-key", "envsecret",
                    "amazonec2-session-token", "typedtoken")))
        .containsExactly("", "", "");
  }

  @Test
  void aProfileWinsOverKeysInheritedFromTheEnvironmentAndIsSaved() {
    defaultVpcIs("vpc-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
    env.put("AWS_SECRET_ACCESS_KEY", "envsecret");
    newDriver()
        .setConfigFromFlags(
            options("amazonec2-access-key", "AKIAENV", "amazonec2-secret-key", "envsecret", "amazonec2-profile", "work"));
    assertThat(driver.connection().hasStaticKeys()).isFalse();
    assertThat(driver.connection().profile()).isEqualTo("work");
    assertThat(driver.writeConfig().get("Profile").asText()).isEqualTo("work");
  }

  @Test
  void theJsonKeepsDockerMachinesKeyOrderAndAddsNewKeysAfter() {
    defaultVpcIs("vpc-1");
    newDriver().setConfigFromFlags(options());
    List<String> keys = new ArrayList<>();
    driver.writeConfig().fieldNames().forEachRemaining(keys::add);
    assertThat(keys.subList(0, 50))
        .containsExactly(
            "IPAddress", "MachineName", "SSHUser", "SSHPort", "SSHKeyPath", "StorePath", "SwarmMaster", "SwarmHost",
            "SwarmDiscovery", "Id", "AccessKey", "SecretKey", "SessionToken", "Region", "AMI", "SSHKeyID",
            "ExistingKey", "KeyName", "InstanceId", "InstanceType", "PrivateIPAddress", "SecurityGroupId",
            "SecurityGroupIds", "SecurityGroupName", "SecurityGroupNames", "SecurityGroupReadOnly", "OpenPorts",
            "Tags", "ReservationId", "DeviceName", "RootSize", "VolumeType", "IamInstanceProfile", "VpcId",
            "SubnetId", "Zone", "RequestSpotInstance", "SpotPrice", "BlockDurationMinutes", "PrivateIPOnly",
            "UsePrivateIP", "UseEbsOptimizedInstance", "Monitoring", "SSHPrivateKeyPath", "RetryCount", "Endpoint",
            "DisableSSL", "UserDataFile", "Profile", "Image");
    assertThat(driver.writeConfig().get("HttpTokens").asText()).isEqualTo("required");
    assertThat(driver.writeConfig().get("Id").asText()).matches("[0-9a-f]{32}");
  }

  @Test
  void aSavedDriverReadsBackTheSame() {
    defaultVpcIs("vpc-1");
    newDriver().setConfigFromFlags(options("amazonec2-tags", "a,b", "amazonec2-open-port", List.of("8080/udp")));
    ObjectNode saved = driver.writeConfig();
    AmazonEc2Driver reloaded = newDriver();
    reloaded.readConfig(saved);
    assertThat(reloaded.writeConfig()).isEqualTo(saved);
  }

  // --- PreCreateCheck -----------------------------------------------------------------------------

  private void configured(Object... overrides) {
    defaultVpcIs("vpc-1");
    newDriver().setConfigFromFlags(options(overrides));
  }

  private void keyPairs(String... names) {
    List<KeyPairInfo> infos = new ArrayList<>();
    for (String n : names) {
      infos.add(KeyPairInfo.builder().keyName(n).build());
    }
    doReturn(DescribeKeyPairsResponse.builder().keyPairs(infos).build())
        .when(ec2)
        .describeKeyPairs(any(DescribeKeyPairsRequest.class));
  }

  private void subnets(Subnet... subnets) {
    doReturn(DescribeSubnetsResponse.builder().subnets(subnets).build())
        .when(ec2)
        .describeSubnets(any(DescribeSubnetsRequest.class));
  }

  @Test
  void anExistingKeyPairWithTheMachinesNameStopsTheCreate() {
    configured();
    keyPairs("dev");
    assertThatThrownBy(() -> driver.preCreateCheck())
        .hasMessage(
            "There is already a keypair with the name dev.  Please either remove that keypair or use a different"
                + " machine name.");
  }

  @Test
  void aNamedKeyPairThatDoesNotExistStopsTheCreate() {
    configured("amazonec2-keypair-name", "mine", "amazonec2-ssh-keypath", "/tmp/k");
    doThrow(awsError("InvalidKeyPair.NotFound", "The key pair 'mine' does not exist", 400))
        .when(ec2)
        .describeKeyPairs(any(DescribeKeyPairsRequest.class));
    assertThatThrownBy(() -> driver.preCreateCheck())
        .hasMessage("There is no keypair with the name mine. Please verify the key name provided.");
  }

  @Test
  void noSubnetInTheZoneStopsTheCreate() {
    configured("amazonec2-zone", "e");
    keyPairs();
    subnets();
    assertThatThrownBy(() -> driver.preCreateCheck())
        .hasMessage("unable to find a subnet that is both in the zone us-east-1e and belonging to VPC ID vpc-1");
  }

  @Test
  void anImageNameWithoutMatchStopsTheCreateBeforeAnythingIsMade() {
    configured("amazonec2-image", "ubuntu-13-04-x64");
    keyPairs();
    subnets(Subnet.builder().subnetId("subnet-1").vpcId("vpc-1").build());
    doReturn(DescribeImagesResponse.builder().build()).when(ec2).describeImages(any(DescribeImagesRequest.class));
    assertThatThrownBy(() -> driver.preCreateCheck()).hasMessageStartingWith("No image matches \"ubuntu-13-04-x64\"");
    verify(ec2, never()).importKeyPair(any(ImportKeyPairRequest.class));
    verify(ec2, never()).runInstances(any(RunInstancesRequest.class));
  }

  @Test
  void theDefaultImageFollowsAGravitonInstanceType() {
    configured("amazonec2-instance-type", "t4g.small");
    keyPairs();
    subnets(Subnet.builder().subnetId("subnet-1").vpcId("vpc-1").defaultForAz(true).build());
    doReturn(
            DescribeImagesResponse.builder()
                .images(
                    Image.builder().imageId("ami-arm").name("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-1")
                        .architecture("arm64").rootDeviceName("/dev/sda1").creationDate("2025").build())
                .build())
        .when(ec2)
        .describeImages(any(DescribeImagesRequest.class));
    driver.preCreateCheck();
    ArgumentCaptor<DescribeImagesRequest> request = ArgumentCaptor.forClass(DescribeImagesRequest.class);
    verify(ec2).describeImages(request.capture());
    assertThat(request.getValue().filters().get(0).values())
        .containsExactly("ubuntu/images/*ubuntu-*-*.04-arm64-server-*");
    assertThat(driver.writeConfig().get("AMI").asText()).isEqualTo("ami-arm");
    assertThat(infos).contains("Using AMI ami-arm (ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-1)");
  }

  /** DescribeImages knows ami-1, named "own-image", with this root device. */
  private void amiIs(String rootDeviceName) {
    doReturn(
            DescribeImagesResponse.builder()
                .images(Image.builder().imageId("ami-1").name("own-image").rootDeviceName(rootDeviceName).build())
                .build())
        .when(ec2)
        .describeImages(any(DescribeImagesRequest.class));
  }

  /** A given AMI is described once: printed with its name, and its root device gets the root size. */
  @Test
  void aGivenAmiIsDescribedOnceAndItsRootDeviceGetsTheRootSize() {
    readyToCreate();
    configured("amazonec2-ami", "ami-1", "amazonec2-root-size", 40);
    amiIs("/dev/xvda");
    launchSucceeds();
    driver.preCreateCheck();
    driver.create();
    ArgumentCaptor<DescribeImagesRequest> described = ArgumentCaptor.forClass(DescribeImagesRequest.class);
    verify(ec2).describeImages(described.capture());
    assertThat(described.getValue().imageIds()).containsExactly("ami-1");
    ArgumentCaptor<RunInstancesRequest> run = ArgumentCaptor.forClass(RunInstancesRequest.class);
    verify(ec2).runInstances(run.capture());
    assertThat(run.getValue().imageId()).isEqualTo("ami-1");
    assertThat(run.getValue().blockDeviceMappings().get(0).deviceName()).isEqualTo("/dev/xvda");
    assertThat(run.getValue().blockDeviceMappings().get(0).ebs().volumeSize()).isEqualTo(40);
    assertThat(infos).contains("Using AMI ami-1 (own-image)");
    assertThat(driver.writeConfig().get("ImageName").asText()).isEqualTo("own-image");
  }

  @Test
  void aDeviceNameGivenAsAFlagWinsOverTheAmisRootDevice() {
    readyToCreate();
    configured("amazonec2-ami", "ami-1", "amazonec2-device-name", "/dev/sdb");
    amiIs("/dev/xvda");
    driver.preCreateCheck();
    assertThat(driver.writeConfig().get("DeviceName").asText()).isEqualTo("/dev/sdb");
  }

  @Test
  void anAmiEc2DoesNotKnowStopsTheCreateBeforeAnythingIsMade() {
    readyToCreate();
    doThrow(awsError("InvalidAMIID.NotFound", "The image id '[ami-1]' does not exist", 400))
        .when(ec2)
        .describeImages(any(DescribeImagesRequest.class));
    assertThatThrownBy(() -> driver.preCreateCheck())
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "AMI ami-1 not found in region us-east-1 (InvalidAMIID.NotFound: The image id '[ami-1]' does not exist)."
                + " Check --amazonec2-ami and --amazonec2-region.");
    configured("amazonec2-ami", "nonsense");
    doThrow(awsError("InvalidAMIID.Malformed", "Invalid id: \"nonsense\" (expecting \"ami-...\")", 400))
        .when(ec2)
        .describeImages(any(DescribeImagesRequest.class));
    assertThatThrownBy(() -> driver.preCreateCheck())
        .hasMessageStartingWith("AMI nonsense not found in region us-east-1 (InvalidAMIID.Malformed: ")
        .hasMessageNotContaining("\n");
    configured("amazonec2-ami", "ami-1");
    doReturn(DescribeImagesResponse.builder().build()).when(ec2).describeImages(any(DescribeImagesRequest.class));
    assertThatThrownBy(() -> driver.preCreateCheck()).hasMessageStartingWith("AMI ami-1 not found in region us-east-1");
    verify(ec2, never()).importKeyPair(any(ImportKeyPairRequest.class));
    verify(ec2, never()).createSecurityGroup(any(CreateSecurityGroupRequest.class));
    verify(ec2, never()).runInstances(any(RunInstancesRequest.class));
  }

  /** An IAM policy written for Docker Machine may not allow DescribeImages: the AMI is used as given. */
  @Test
  void anAmiThatMayNotBeDescribedIsUsedAsGiven() {
    readyToCreate();
    doThrow(awsError("UnauthorizedOperation", "You are not authorized to perform this operation.", 403))
        .when(ec2)
        .describeImages(any(DescribeImagesRequest.class));
    driver.preCreateCheck();
    assertThat(driver.writeConfig().get("DeviceName").asText()).isEqualTo("/dev/sda1");
    assertThat(warnings)
        .containsExactly(
            "Could not describe AMI ami-1 (UnauthorizedOperation: You are not authorized to perform this operation.);"
                + " using it as given");
    assertThat(infos).contains("Using AMI ami-1");
  }

  // --- Create failures ----------------------------------------------------------------------------

  private void readyToCreate() {
    configured("amazonec2-ami", "ami-1");
    keyPairs();
    subnets(Subnet.builder().subnetId("subnet-1").vpcId("vpc-1").build());
    amiIs("/dev/sda1");
    doReturn(ImportKeyPairResponse.builder().keyName("dev").build()).when(ec2).importKeyPair(any(ImportKeyPairRequest.class));
    doReturn(DescribeSecurityGroupsResponse.builder().build())
        .when(ec2)
        .describeSecurityGroups(any(DescribeSecurityGroupsRequest.class));
    doReturn(CreateSecurityGroupResponse.builder().groupId("sg-new").build())
        .when(ec2)
        .createSecurityGroup(any(CreateSecurityGroupRequest.class));
    doReturn(null).when(ec2).authorizeSecurityGroupIngress(any(software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest.class));
    doReturn(DeleteKeyPairResponse.builder().build()).when(ec2).deleteKeyPair(any(DeleteKeyPairRequest.class));
    doReturn(DescribeInstancesResponse.builder().build()).when(ec2).describeInstances(any(DescribeInstancesRequest.class));
    doReturn(DeleteSecurityGroupResponse.builder().build())
        .when(ec2)
        .deleteSecurityGroup(any(DeleteSecurityGroupRequest.class));
    doReturn(TerminateInstancesResponse.builder().build())
        .when(ec2)
        .terminateInstances(any(TerminateInstancesRequest.class));
  }

  @Test
  void insufficientCapacityFailsTheCreateWithEverythingMadeSavedForRemove() {
    readyToCreate();
    doThrow(awsError("InsufficientInstanceCapacity", "We currently do not have sufficient t2.micro capacity", 500))
        .when(ec2)
        .runInstances(any(RunInstancesRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create())
        .hasMessage(
            "Error launching instance: InsufficientInstanceCapacity: We currently do not have sufficient t2.micro"
                + " capacity");
    // Each resource was saved the moment it existed...
    ObjectNode last = checkpoints.get(checkpoints.size() - 1);
    assertThat(last.get("KeyName").asText()).isEqualTo("dev");
    assertThat(last.get("CreatedSecurityGroupIds").toString()).contains("sg-new");
    assertThat(last.get("ClientToken").asText()).isNotEmpty();
    assertThat(last.get("PendingSecurityGroups")).isEmpty();
    // ...so that remove (which the core runs after a failed create) deletes exactly that.
    AmazonEc2Driver fromDisk = newDriver();
    fromDisk.readConfig(last);
    fromDisk.remove();
    verify(ec2).deleteKeyPair(any(DeleteKeyPairRequest.class));
    ArgumentCaptor<DeleteSecurityGroupRequest> deleted = ArgumentCaptor.forClass(DeleteSecurityGroupRequest.class);
    verify(ec2).deleteSecurityGroup(deleted.capture());
    assertThat(deleted.getValue().groupId()).isEqualTo("sg-new");
    assertThat(warnings).contains("Missing instance ID, this is likely due to a failure during machine creation");
  }

  /**
   * A create killed between RunInstances and saving its answer leaves only the client token. When
   * the lookup of that instance fails, rm must fail too (so the core keeps config.json for another
   * rm) and keep the groups the unseen instance may be using.
   */
  @Test
  void aFailedLookupOfAnUnsavedInstanceFailsRemoveAndKeepsItsGroups() {
    readyToCreate();
    doThrow(awsError("InsufficientInstanceCapacity", "none left", 500)).when(ec2).runInstances(any(RunInstancesRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create()).isInstanceOf(MachineException.class);
    ObjectNode saved = checkpoints.get(checkpoints.size() - 1);
    assertThat(saved.get("InstanceId").asText()).isEmpty();
    assertThat(saved.get("ClientToken").asText()).isNotEmpty();
    doThrow(SdkClientException.create("Unable to execute HTTP request: Connection reset"))
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));
    warnings.clear();

    AmazonEc2Driver fromDisk = newDriver();
    fromDisk.readConfig(saved);
    assertThatThrownBy(fromDisk::remove)
        .isInstanceOf(MachineException.class)
        .hasMessage("unable to look for the instance of an unfinished create: Unable to execute HTTP request: Connection reset\n");
    assertThat(warnings).doesNotContain("Missing instance ID, this is likely due to a failure during machine creation");
    verify(ec2, never()).terminateInstances(any(TerminateInstancesRequest.class));
    verify(ec2, never()).deleteSecurityGroup(any(DeleteSecurityGroupRequest.class));
    assertThat(fromDisk.writeConfig().get("CreatedSecurityGroupIds").toString()).contains("sg-new");
    assertThat(fromDisk.writeConfig().get("ClientToken").asText()).isEqualTo(saved.get("ClientToken").asText());
  }

  /**
   * An instance launched before its id was saved is found by its creator tag and client token,
   * even when {@code --amazonec2-tags} renamed it.
   */
  @Test
  void anUnsavedInstanceIsFoundByItsCreatorTagEvenWhenRenamed() {
    readyToCreate();
    configured("amazonec2-ami", "ami-1", "amazonec2-tags", "Name,web");
    doThrow(awsError("InsufficientInstanceCapacity", "none left", 500)).when(ec2).runInstances(any(RunInstancesRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create()).isInstanceOf(MachineException.class);
    ArgumentCaptor<RunInstancesRequest> run = ArgumentCaptor.forClass(RunInstancesRequest.class);
    verify(ec2).runInstances(run.capture());
    ObjectNode saved = checkpoints.get(checkpoints.size() - 1);
    String machineId = saved.get("Id").asText();
    assertThat(run.getValue().tagSpecifications().get(0).tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("Name=web", "docker-machine-id=" + machineId);
    // As if RunInstances had launched it and the create had died before saving the answer.
    doReturn(
            DescribeInstancesResponse.builder()
                .reservations(
                    Reservation.builder()
                        .instances(
                            Instance.builder().instanceId("i-other").clientToken("another-token")
                                .state(st -> st.name(InstanceStateName.RUNNING)).build(),
                            Instance.builder().instanceId("i-orphan").clientToken(saved.get("ClientToken").asText())
                                .state(st -> st.name(InstanceStateName.RUNNING)).build())
                        .build())
                .build())
        .doReturn(DescribeInstancesResponse.builder().build())
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));

    AmazonEc2Driver fromDisk = newDriver();
    fromDisk.readConfig(saved);
    fromDisk.remove();
    ArgumentCaptor<DescribeInstancesRequest> lookup = ArgumentCaptor.forClass(DescribeInstancesRequest.class);
    verify(ec2, times(2)).describeInstances(lookup.capture());
    assertThat(lookup.getAllValues().get(0).filters())
        .extracting(f -> f.name() + "=" + f.values())
        .containsExactly("tag:docker-machine-id=[" + machineId + "]");
    ArgumentCaptor<TerminateInstancesRequest> terminated = ArgumentCaptor.forClass(TerminateInstancesRequest.class);
    verify(ec2).terminateInstances(terminated.capture());
    assertThat(terminated.getValue().instanceIds()).containsExactly("i-orphan");
  }

  @Test
  void aFailedKeyImportForgetsTheKeyNameSoRemoveCannotDeleteSomeoneElsesKey() {
    readyToCreate();
    doThrow(awsError("InvalidKeyPair.Duplicate", "The keypair 'dev' already exists.", 400))
        .when(ec2)
        .importKeyPair(any(ImportKeyPairRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create())
        .hasMessage("unable to create key pair: InvalidKeyPair.Duplicate: The keypair 'dev' already exists.");
    assertThat(checkpoints.get(checkpoints.size() - 1).get("KeyName").asText()).isEmpty();
    driver.remove();
    verify(ec2, never()).deleteKeyPair(any(DeleteKeyPairRequest.class));
  }

  /** Ctrl-C aborts the SDK call once EC2 has answered: the key pair may exist, so it is deleted. */
  @Test
  void aKeyImportThatFailedOnThisSideKeepsTheKeyNameSoRemoveDeletesIt() {
    readyToCreate();
    doThrow(software.amazon.awssdk.core.exception.AbortedException.builder().message("Thread was interrupted").build())
        .when(ec2)
        .importKeyPair(any(ImportKeyPairRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create()).hasMessageStartingWith("unable to create key pair: ");
    assertThat(checkpoints.get(checkpoints.size() - 1).get("KeyName").asText()).isEqualTo("dev");
    driver.remove();
    verify(ec2).deleteKeyPair(any(DeleteKeyPairRequest.class));
  }

  @Test
  void aGroupOfAnotherMachineIsNeitherCreatedNorDeleted() {
    readyToCreate();
    doReturn(
            DescribeSecurityGroupsResponse.builder()
                .securityGroups(
                    software.amazon.awssdk.services.ec2.model.SecurityGroup.builder().groupId("sg-shared")
                        .groupName("docker-machine").build())
                .build())
        .when(ec2)
        .describeSecurityGroups(any(DescribeSecurityGroupsRequest.class));
    doThrow(awsError("Unsupported", "The instance type is not supported in this zone", 400))
        .when(ec2)
        .runInstances(any(RunInstancesRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create()).hasMessageStartingWith("Error launching instance: Unsupported");
    driver.remove();
    verify(ec2, never()).createSecurityGroup(any(CreateSecurityGroupRequest.class));
    verify(ec2, never()).deleteSecurityGroup(any(DeleteSecurityGroupRequest.class));
    verify(ec2).deleteKeyPair(any(DeleteKeyPairRequest.class));
  }

  @Test
  void aGroupThisMachineMadeButAnotherInstanceUsesIsLeftInPlace() {
    readyToCreate();
    doThrow(awsError("InsufficientInstanceCapacity", "none left", 500)).when(ec2).runInstances(any(RunInstancesRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create()).isInstanceOf(MachineException.class);
    doReturn(
            DescribeInstancesResponse.builder()
                .reservations(
                    Reservation.builder()
                        .instances(
                            Instance.builder().instanceId("i-other")
                                .networkInterfaces(n -> n.groups(g -> g.groupId("sg-new")))
                                .build())
                        .build())
                .build())
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));
    driver.remove();
    verify(ec2, never()).deleteSecurityGroup(any(DeleteSecurityGroupRequest.class));
    assertThat(infos).contains("Security group sg-new is used by other instances; leaving it in place");
  }

  @Test
  void theLaunchRequestCarriesVolumeEncryptionMetadataOptionsSpotAndPrivateAddressing() {
    readyToCreate();
    configured(
        "amazonec2-ami", "ami-1",
        "amazonec2-encrypt-ebs-volume", true,
        "amazonec2-kms-key", "arn:aws:kms:us-east-1:1:key/k",
        "amazonec2-root-size", 40,
        "amazonec2-volume-type", "gp3",
        "amazonec2-request-spot-instance", true,
        "amazonec2-spot-price", "0.10",
        "amazonec2-private-address-only", true,
        "amazonec2-http-tokens", "optional",
        "amazonec2-tags", "team,infra");
    doReturn(
            software.amazon.awssdk.services.ec2.model.RunInstancesResponse.builder()
                .reservationId("r-1")
                .instances(Instance.builder().instanceId("i-1").privateIpAddress("10.0.0.9").spotInstanceRequestId("sir-1").build())
                .build())
        .when(ec2)
        .runInstances(any(RunInstancesRequest.class));
    doReturn(
            DescribeInstancesResponse.builder()
                .reservations(
                    Reservation.builder()
                        .instances(Instance.builder().instanceId("i-1").state(st -> st.name(InstanceStateName.RUNNING))
                            .privateIpAddress("10.0.0.9").build())
                        .build())
                .build())
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));
    driver.preCreateCheck();
    driver.create();

    ArgumentCaptor<RunInstancesRequest> run = ArgumentCaptor.forClass(RunInstancesRequest.class);
    verify(ec2).runInstances(run.capture());
    RunInstancesRequest r = run.getValue();
    assertThat(r.imageId()).isEqualTo("ami-1");
    assertThat(r.keyName()).isEqualTo("dev");
    assertThat(r.clientToken()).isEqualTo(driver.writeConfig().get("Id").asText());
    var ebs = r.blockDeviceMappings().get(0).ebs();
    assertThat(r.blockDeviceMappings().get(0).deviceName()).isEqualTo("/dev/sda1");
    assertThat(ebs.volumeSize()).isEqualTo(40);
    assertThat(ebs.volumeTypeAsString()).isEqualTo("gp3");
    assertThat(ebs.deleteOnTermination()).isTrue();
    assertThat(ebs.encrypted()).isTrue();
    assertThat(ebs.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:1:key/k");
    assertThat(r.metadataOptions().httpTokensAsString()).isEqualTo("optional");
    assertThat(r.metadataOptions().httpEndpointAsString()).isEqualTo("enabled");
    assertThat(r.instanceMarketOptions().marketTypeAsString()).isEqualTo("spot");
    assertThat(r.instanceMarketOptions().spotOptions().maxPrice()).isEqualTo("0.10");
    assertThat(r.networkInterfaces().get(0).associatePublicIpAddress()).isFalse();
    assertThat(r.networkInterfaces().get(0).subnetId()).isEqualTo("subnet-1");
    assertThat(r.networkInterfaces().get(0).groups()).containsExactly("sg-new");
    assertThat(r.tagSpecifications()).extracting(t -> t.resourceTypeAsString()).containsExactly("instance", "volume");
    String machineId = driver.writeConfig().get("Id").asText();
    for (int spec = 0; spec < 2; spec++) {
      assertThat(r.tagSpecifications().get(spec).tags())
          .extracting(t -> t.key() + "=" + t.value())
          .containsExactly("Name=dev", "team=infra", "docker-machine-id=" + machineId);
    }
    ObjectNode saved = driver.writeConfig();
    assertThat(saved.get("InstanceId").asText()).isEqualTo("i-1");
    assertThat(saved.get("SpotInstanceRequestId").asText()).isEqualTo("sir-1");
    assertThat(saved.get("IPAddress").asText()).isEqualTo("10.0.0.9");
    assertThat(infos).contains("Launching instance...");
  }

  /** RunInstances answers with instance i-1, which EC2 then describes as running at 10.0.0.9. */
  private void launchSucceeds() {
    doReturn(
            software.amazon.awssdk.services.ec2.model.RunInstancesResponse.builder()
                .reservationId("r-1")
                .instances(Instance.builder().instanceId("i-1").privateIpAddress("10.0.0.9").build())
                .build())
        .when(ec2)
        .runInstances(any(RunInstancesRequest.class));
    doReturn(
            DescribeInstancesResponse.builder()
                .reservations(
                    Reservation.builder()
                        .instances(Instance.builder().instanceId("i-1").state(st -> st.name(InstanceStateName.RUNNING))
                            .publicIpAddress("54.1.2.3").privateIpAddress("10.0.0.9").build())
                        .build())
                .build())
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));
  }

  /** A private key alone, as the AWS console downloads it (no {@code .pub} beside it). */
  private Path consolePem() {
    Path pem = store.resolve("console.pem");
    SshKeys.generate(pem);
    try {
      Files.delete(SshKeys.publicKeyPath(pem));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return pem;
  }

  @Test
  void anExistingKeyPairNeedsOnlyThePrivateKeyFile() throws Exception {
    Path pem = consolePem();
    readyToCreate();
    configured("amazonec2-ami", "ami-1", "amazonec2-keypair-name", "mine", "amazonec2-ssh-keypath", pem.toString());
    keyPairs("mine");
    launchSucceeds();
    driver.preCreateCheck();
    driver.create();

    ArgumentCaptor<RunInstancesRequest> run = ArgumentCaptor.forClass(RunInstancesRequest.class);
    verify(ec2).runInstances(run.capture());
    assertThat(run.getValue().keyName()).isEqualTo("mine");
    verify(ec2, never()).importKeyPair(any(ImportKeyPairRequest.class));
    Path copy = store.resolve("machines/dev/id_rsa");
    assertThat(driver.sshKeyPath()).isEqualTo(copy.toString());
    assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(pem));
    assertThat(SshKeys.publicKeyPath(copy)).doesNotExist();
    driver.remove();
    verify(ec2, never()).deleteKeyPair(any(DeleteKeyPairRequest.class));
  }

  @Test
  void aLonePrivateKeyIsImportedWithThePublicKeyDerivedFromIt() throws Exception {
    Path pem = store.resolve("own");
    SshKeys.generate(pem);
    String publicKey = Files.readString(SshKeys.publicKeyPath(pem)).strip();
    Files.delete(SshKeys.publicKeyPath(pem));
    readyToCreate();
    configured("amazonec2-ami", "ami-1", "amazonec2-ssh-keypath", pem.toString());
    launchSucceeds();
    driver.preCreateCheck();
    driver.create();

    ArgumentCaptor<ImportKeyPairRequest> imported = ArgumentCaptor.forClass(ImportKeyPairRequest.class);
    verify(ec2).importKeyPair(imported.capture());
    assertThat(imported.getValue().keyName()).isEqualTo("dev");
    assertThat(imported.getValue().publicKeyMaterial().asUtf8String()).isEqualTo(publicKey);
  }

  // --- The wait after RunInstances -----------------------------------------------------------------

  private void launchedButDescribeFails(AwsServiceException error) {
    readyToCreate();
    launchSucceeds();
    doThrow(error).when(ec2).describeInstances(any(DescribeInstancesRequest.class));
    driver.preCreateCheck();
  }

  @Test
  void anAuthFailureWhileWaitingForTheInstanceFailsTheCreateAtOnce() {
    launchedButDescribeFails(awsError("AuthFailure", "AWS was not able to validate the provided access credentials", 401));
    assertThatThrownBy(() -> driver.create())
        .isInstanceOf(MachineException.class)
        .hasMessage("AuthFailure: AWS was not able to validate the provided access credentials");
    verify(ec2, times(1)).describeInstances(any(DescribeInstancesRequest.class));
    assertThat(sleeps).isEmpty();
    assertThat(checkpoints.get(checkpoints.size() - 1).get("InstanceId").asText())
        .as("the instance is saved, so that the core's remove terminates it")
        .isEqualTo("i-1");
  }

  @Test
  void throttlingBeyondTheSdksRetriesWhileWaitingFailsTheCreateAtOnce() {
    launchedButDescribeFails(awsError("RequestLimitExceeded", "Request limit exceeded.", 503));
    assertThatThrownBy(() -> driver.create()).hasMessage("RequestLimitExceeded: Request limit exceeded.");
    verify(ec2, times(1)).describeInstances(any(DescribeInstancesRequest.class));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void anInstanceIdEc2DoesNotKnowYetIsWaitedFor() {
    readyToCreate();
    launchSucceeds();
    doThrow(awsError("InvalidInstanceID.NotFound", "The instance ID 'i-1' does not exist", 400))
        .doReturn(
            DescribeInstancesResponse.builder()
                .reservations(
                    Reservation.builder()
                        .instances(Instance.builder().instanceId("i-1").state(st -> st.name(InstanceStateName.RUNNING))
                            .publicIpAddress("54.1.2.3").privateIpAddress("10.0.0.9").build())
                        .build())
                .build())
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));
    driver.preCreateCheck();
    driver.create();
    verify(ec2, times(2)).describeInstances(any(DescribeInstancesRequest.class));
    assertThat(sleeps).containsExactly(java.time.Duration.ofSeconds(3));
    assertThat(driver.writeConfig().get("IPAddress").asText()).isEqualTo("54.1.2.3");
  }

  @Test
  void startOnlyAsksEc2ToStartTheInstanceAndLeavesTheWaitToTheCore() {
    loaded();
    doReturn(StartInstancesResponse.builder().build()).when(ec2).startInstances(any(StartInstancesRequest.class));
    driver.start();
    verify(ec2).startInstances(any(StartInstancesRequest.class));
    verify(ec2, never()).describeInstances(any(DescribeInstancesRequest.class));
  }

  @Test
  void aGroupAnotherMachineCreatedInParallelIsUsedButNotClaimed() {
    readyToCreate();
    doThrow(awsError("InvalidGroup.Duplicate", "The security group 'docker-machine' already exists", 400))
        .when(ec2)
        .createSecurityGroup(any(CreateSecurityGroupRequest.class));
    doReturn(DescribeSecurityGroupsResponse.builder().build())
        .doReturn(
            DescribeSecurityGroupsResponse.builder()
                .securityGroups(
                    software.amazon.awssdk.services.ec2.model.SecurityGroup.builder().groupId("sg-theirs")
                        .groupName("docker-machine").build())
                .build())
        .when(ec2)
        .describeSecurityGroups(any(DescribeSecurityGroupsRequest.class));
    doThrow(awsError("InvalidPermission.Duplicate", "the specified rule already exists", 400))
        .when(ec2)
        .authorizeSecurityGroupIngress(any(software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest.class));
    doThrow(awsError("InsufficientInstanceCapacity", "none left", 500)).when(ec2).runInstances(any(RunInstancesRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create()).hasMessageStartingWith("Error launching instance: InsufficientInstanceCapacity");
    ArgumentCaptor<RunInstancesRequest> run = ArgumentCaptor.forClass(RunInstancesRequest.class);
    verify(ec2).runInstances(run.capture());
    assertThat(run.getValue().networkInterfaces().get(0).groups()).containsExactly("sg-theirs");
    ObjectNode saved = driver.writeConfig();
    assertThat(saved.get("CreatedSecurityGroupIds")).isEmpty();
    assertThat(saved.get("PendingSecurityGroups")).isEmpty();
    driver.remove();
    verify(ec2, never()).deleteSecurityGroup(any(DeleteSecurityGroupRequest.class));
  }

  @Test
  void aSpotLaunchFailureSaysSo() {
    readyToCreate();
    configured("amazonec2-ami", "ami-1", "amazonec2-request-spot-instance", true);
    doThrow(awsError("SpotMaxPriceTooLow", "Your maximum price is lower than the current price", 400))
        .when(ec2)
        .runInstances(any(RunInstancesRequest.class));
    driver.preCreateCheck();
    assertThatThrownBy(() -> driver.create())
        .hasMessage("Error request spot instance: SpotMaxPriceTooLow: Your maximum price is lower than the current price");
  }

  // --- State --------------------------------------------------------------------------------------

  private void instanceIs(InstanceStateName state) {
    doReturn(
            DescribeInstancesResponse.builder()
                .reservations(
                    Reservation.builder()
                        .instances(Instance.builder().instanceId("i-1").state(s -> s.name(state))
                            .publicIpAddress("54.1.2.3").privateIpAddress("10.0.0.4").build())
                        .build())
                .build())
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));
  }

  private void loaded(Object... fields) {
    newDriver();
    ObjectNode json = new AmazonEc2Driver(new DriverContext("dev", store, Progress.SILENT), new Ec2Environment(env, factory, d -> {})).writeConfig();
    json.put("InstanceId", "i-1");
    for (int i = 0; i < fields.length; i += 2) {
      json.put((String) fields[i], (Boolean) fields[i + 1]);
    }
    driver.readConfig(json);
  }

  @Test
  void statesAndAddressesComeFromDescribeInstances() {
    loaded();
    instanceIs(InstanceStateName.RUNNING);
    assertThat(driver.state()).isEqualTo(State.RUNNING);
    assertThat(driver.url()).isEqualTo("tcp://54.1.2.3:2376");
    assertThat(driver.ip()).isEqualTo("54.1.2.3");
    loaded("UsePrivateIP", true);
    assertThat(driver.ip()).isEqualTo("10.0.0.4");
    loaded();
    instanceIs(InstanceStateName.STOPPED);
    assertThat(driver.state()).isEqualTo(State.STOPPED);
    assertThatThrownBy(() -> driver.url()).hasMessage("Host is not running");
    loaded();
    instanceIs(InstanceStateName.TERMINATED);
    assertThat(driver.state()).isEqualTo(State.ERROR);
  }

  @Test
  void anInstanceGoneFromEc2IsNotFound() {
    loaded();
    doThrow(awsError("InvalidInstanceID.NotFound", "The instance ID 'i-1' does not exist", 400))
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));
    assertThat(driver.state()).isEqualTo(State.NOT_FOUND);
  }

  @Test
  void noClientIsBuiltForCommandsThatDoNotCallAws() {
    loaded();
    driver.writeConfig();
    driver.sshUsername();
    driver.sshKeyPath();
    driver.batchStateQuery().orElseThrow().groupKey();
    assertThat(connections).isEmpty();
  }
}
