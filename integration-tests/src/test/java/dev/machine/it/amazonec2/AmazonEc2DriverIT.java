package dev.machine.it.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverRegistry;
import dev.machine.core.driver.State;
import dev.machine.core.list.DockerVersionQuery;
import dev.machine.core.list.HostListItem;
import dev.machine.core.list.HostLister;
import dev.machine.core.list.HostStateFetcher;
import dev.machine.core.list.ListFilters;
import dev.machine.core.store.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The amazonec2 driver against moto's EC2 emulator over HTTP, inside a sealed network namespace.
 * Every check of what exists is made with moto's own Describe calls.
 */
class AmazonEc2DriverIT {
  private static MotoEmulator moto;
  private static Ec2Client check;

  @TempDir Path store;
  private Ec2Machines machines;
  private String vpc;

  @BeforeAll
  static void startEmulator() throws Exception {
    moto = MotoEmulator.start();
    check = moto.check();
  }

  @AfterAll
  static void stopEmulator() throws Exception {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void reset() throws Exception {
    moto.reset();
    ApiCallCounter.reset();
    machines = new Ec2Machines(store);
    vpc = defaultVpc(check);
  }

  private static String defaultVpc(Ec2Client ec2) {
    return ec2.describeVpcs().vpcs().stream().filter(Vpc::isDefault).findFirst().orElseThrow().vpcId();
  }

  /** Flags as the CLI would fill them: the credentials come from the environment (testing/testing). */
  private Map<String, Object> flags(Object... more) {
    Map<String, Object> f = new HashMap<>();
    f.put("amazonec2-endpoint", moto.endpoint());
    f.put("amazonec2-vpc-id", vpc);
    f.put("amazonec2-zone", "us-east-1a");
    f.put("amazonec2-access-key", System.getenv("AWS_ACCESS_KEY_ID"));
    f.put("amazonec2-secret-key", System.getenv("AWS_SECRET_ACCESS_KEY"));
    for (int i = 0; i < more.length; i += 2) {
      f.put((String) more[i], more[i + 1]);
    }
    return f;
  }

  private static List<Instance> liveInstances(Ec2Client ec2) {
    return ec2.describeInstances().reservations().stream()
        .flatMap(r -> r.instances().stream())
        .filter(i -> !"terminated".equals(i.state().nameAsString()))
        .toList();
  }

  private static Instance instance(String id) {
    return check.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0);
  }

  private static List<String> keyPairs(Ec2Client ec2) {
    return ec2.describeKeyPairs().keyPairs().stream().map(KeyPairInfo::keyName).toList();
  }

  private static List<String> groupsBesidesDefault(Ec2Client ec2) {
    return ec2.describeSecurityGroups().securityGroups().stream()
        .map(SecurityGroup::groupName)
        .filter(n -> !n.equals("default"))
        .toList();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a, LinkedHashMap::new));
  }

  @Test
  void createMakesTheKeyPairGroupAndATaggedImdsV2InstanceAndSavesThem() throws Exception {
    long start = System.nanoTime();
    Driver dev = machines.create("dev", flags("amazonec2-tags", "team,infra"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    Map<String, Integer> createCalls = ApiCallCounter.counts();
    System.out.println("[amazonec2] create against moto: " + millis + " ms, API calls " + createCalls
        + " total " + ApiCallCounter.total());

    ObjectNode saved = machines.driverJson("dev");
    String id = saved.get("InstanceId").asText();
    assertThat(id).startsWith("i-");
    Instance i = instance(id);
    assertThat(i.state().nameAsString()).isEqualTo("running");
    assertThat(i.imageId()).isEqualTo("ami-785db401"); // the newest Ubuntu LTS moto knows: 16.04
    assertThat(i.keyName()).isEqualTo("dev");
    assertThat(i.metadataOptions().httpTokensAsString()).isEqualTo("required");
    assertThat(i.metadataOptions().httpEndpointAsString()).isEqualTo("enabled");
    String machineId = machines.driverJson("dev").get("Id").asText();
    assertThat(tags(i.tags()))
        .containsEntry("Name", "dev").containsEntry("team", "infra").containsEntry("docker-machine-id", machineId);
    assertThat(check.describeVolumes().volumes())
        .anySatisfy(v -> assertThat(tags(v.tags())).containsEntry("Name", "dev").containsEntry("team", "infra")
            .containsEntry("docker-machine-id", machineId));

    assertThat(keyPairs(check)).containsExactly("dev");
    SecurityGroup group =
        check.describeSecurityGroups(b -> b.filters(f -> f.name("group-name").values("docker-machine")))
            .securityGroups().get(0);
    assertThat(group.vpcId()).isEqualTo(vpc);
    assertThat(group.ipPermissions()).extracting(IpPermission::fromPort).containsExactlyInAnyOrder(22, 2376);
    assertThat(i.networkInterfaces().get(0).groups())
        .anySatisfy(g -> assertThat(g.groupId()).isEqualTo(group.groupId()));

    assertThat(saved.get("AMI").asText()).isEqualTo("ami-785db401");
    assertThat(saved.get("KeyName").asText()).isEqualTo("dev");
    assertThat(saved.get("IPAddress").asText()).isEqualTo(i.publicIpAddress());
    assertThat(saved.get("PrivateIPAddress").asText()).isEqualTo(i.privateIpAddress());
    assertThat(saved.get("SecurityGroupIds").get(0).asText()).isEqualTo(group.groupId());
    assertThat(saved.get("CreatedSecurityGroupIds").get(0).asText()).isEqualTo(group.groupId());
    assertThat(saved.get("AccessKey").asText()).as("credentials from the environment are not saved").isEmpty();
    assertThat(saved.get("SecretKey").asText()).isEmpty();
    assertThat(machines.progress)
        .contains("(dev) Using AMI ami-785db401 (ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-20170721)")
        .contains("(dev) Launching instance...");

    Path key = machines.machineDir("dev").resolve("id_rsa");
    assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(dev.sshKeyPath()).isEqualTo(key.toString());
    assertThat(dev.url()).isEqualTo("tcp://" + i.publicIpAddress() + ":2376");
  }

  @Test
  void anImageNameResolvesToThePublishersImage() {
    machines.create("trusty", flags("amazonec2-image", "ubuntu-14-04-x64"));
    ObjectNode saved = machines.driverJson("trusty");
    assertThat(saved.get("AMI").asText()).isEqualTo("ami-1e749f67");
    assertThat(instance(saved.get("InstanceId").asText()).imageId()).isEqualTo("ami-1e749f67");
  }

  /** An AMI id wins, and is described once: printed with its name, its root device used. */
  @Test
  void anAmiIdWinsOverAnImageName() {
    machines.create("ami", flags("amazonec2-image", "ubuntu-14-04-x64", "amazonec2-ami", "ami-785db401"));
    ObjectNode saved = machines.driverJson("ami");
    assertThat(saved.get("AMI").asText()).isEqualTo("ami-785db401");
    assertThat(saved.get("ImageName").asText()).isEqualTo("ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-20170721");
    assertThat(instance(saved.get("InstanceId").asText()).imageId()).isEqualTo("ami-785db401");
    assertThat(ApiCallCounter.count("DescribeImages")).isEqualTo(1);
    assertThat(machines.progress)
        .contains("(ami) Using AMI ami-785db401 (ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-20170721)");
  }

  @Test
  void aBadImageNameOrAmiFailsBeforeAnythingIsCreated() {
    assertThatThrownBy(() -> machines.create("bad", flags("amazonec2-image", "ubuntu-99-04-x64")))
        .hasMessageStartingWith("No image matches \"ubuntu-99-04-x64\" in region us-east-1");
    assertThatThrownBy(() -> machines.create("bad", flags("amazonec2-image", "plan9-4")))
        .hasMessageStartingWith("Unknown image name \"plan9-4\". Accepted forms: ");
    assertThatThrownBy(() -> machines.create("bad", flags("amazonec2-ami", "ami-12345678")))
        .hasMessageStartingWith("AMI ami-12345678 not found in region us-east-1 (InvalidAMIID.NotFound: ");
    assertThatThrownBy(() -> machines.create("bad", flags("amazonec2-ami", "12345678")))
        .hasMessageStartingWith("AMI 12345678 not found in region us-east-1 (InvalidAMIID.Malformed: ");
    assertThat(liveInstances(check)).isEmpty();
    assertThat(keyPairs(check)).isEmpty();
    assertThat(groupsBesidesDefault(check)).isEmpty();
  }

  @Test
  void stopStartKillAndRestartAreSeenByEc2() {
    Driver dev = machines.create("dev", flags());
    String id = machines.driverJson("dev").get("InstanceId").asText();
    assertThat(dev.state()).isEqualTo(State.RUNNING);

    Driver loaded = machines.load("dev");
    loaded.stop();
    assertThat(instance(id).state().nameAsString()).isEqualTo("stopped");
    assertThat(loaded.state()).isEqualTo(State.STOPPED);
    assertThatThrownBy(loaded::url).hasMessage("Host is not running");

    loaded.start();
    assertThat(instance(id).state().nameAsString()).isEqualTo("running");
    assertThat(loaded.state()).isEqualTo(State.RUNNING);

    loaded.kill();
    assertThat(instance(id).state().nameAsString()).isEqualTo("stopped");
    assertThat(machines.load("dev").state()).isEqualTo(State.STOPPED);

    loaded.start();
    ApiCallCounter.reset();
    loaded.restart();
    assertThat(ApiCallCounter.count("RebootInstances")).isEqualTo(1);
    assertThat(machines.load("dev").state()).isEqualTo(State.RUNNING);
  }

  @Test
  void removeFromTheSavedStateLeavesNoInstanceKeyPairOrGroupItMade() {
    machines.create("dev", flags());
    String id = machines.driverJson("dev").get("InstanceId").asText();
    ApiCallCounter.reset();
    machines.load("dev").remove();
    System.out.println("[amazonec2] rm API calls " + ApiCallCounter.counts() + " total " + ApiCallCounter.total());
    assertThat(instance(id).state().nameAsString()).isEqualTo("terminated");
    assertThat(liveInstances(check)).isEmpty();
    assertThat(keyPairs(check)).isEmpty();
    assertThat(groupsBesidesDefault(check)).isEmpty();
    assertThat(machines.load("dev").state()).isEqualTo(State.ERROR);
  }

  @Test
  void aGroupSharedWithAnotherMachineOutlivesTheFirstMachine() {
    machines.create("one", flags());
    machines.create("two", flags());
    machines.load("one").remove();
    assertThat(groupsBesidesDefault(check)).containsExactly("docker-machine");
    assertThat(keyPairs(check)).containsExactly("two");
    machines.load("two").remove();
    assertThat(keyPairs(check)).isEmpty();
  }

  @Test
  void aFailureAfterTheKeyPairAndGroupExistLeavesNothing() {
    assertThatThrownBy(() -> machines.create("dev", flags("amazonec2-iam-instance-profile", "no-such-profile")))
        .hasMessageStartingWith("Error launching instance: NoSuchEntity");
    assertThat(liveInstances(check)).isEmpty();
    assertThat(keyPairs(check)).isEmpty();
    assertThat(groupsBesidesDefault(check)).isEmpty();
  }

  /**
   * A create killed right after each of its saves: key pair name, security group name (before
   * the call), its id, client token, instance id, final state. {@code rm} of what config.json holds
   * must leave nothing behind.
   */
  @Test
  void aCreateKilledAtAnyStepLeavesNothingAfterRemove() throws Exception {
    for (int step = 1; step <= 6; step++) {
      moto.reset();
      vpc = defaultVpc(check);
      int kill = step;
      assertThatThrownBy(() -> machines.create("dev", flags(), kill))
          .as("step %d", step)
          .isInstanceOf(Ec2Machines.SimulatedKill.class);
      machines.load("dev").remove();
      assertThat(liveInstances(check)).as("instances after a kill at step %d", step).isEmpty();
      assertThat(keyPairs(check)).as("key pairs after a kill at step %d", step).isEmpty();
      assertThat(groupsBesidesDefault(check)).as("groups after a kill at step %d", step).isEmpty();
    }
  }

  /** Killed after CreateSecurityGroup was sent but before its answer was saved: found by its tag. */
  @Test
  void aGroupWhoseIdWasNeverSavedIsFoundAndRemoved() {
    assertThatThrownBy(() -> machines.create("dev", flags(), 2)).isInstanceOf(Ec2Machines.SimulatedKill.class);
    ObjectNode saved = machines.driverJson("dev");
    assertThat(saved.get("PendingSecurityGroups").toString()).contains("docker-machine");
    assertThat(saved.get("CreatedSecurityGroupIds")).isEmpty();
    // What the killed process had sent.
    check.createSecurityGroup(
        b -> b.groupName("docker-machine").description("Docker Machine").vpcId(vpc)
            .tagSpecifications(t -> t.resourceType("security-group")
                .tags(Tag.builder().key("docker-machine-id").value(saved.get("Id").asText()).build())));
    assertThat(groupsBesidesDefault(check)).containsExactly("docker-machine");
    machines.load("dev").remove();
    assertThat(groupsBesidesDefault(check)).isEmpty();
    assertThat(keyPairs(check)).isEmpty();
  }

  /**
   * Killed after RunInstances was sent but before its answer was saved: found by token and creator
   * tag, even though {@code --amazonec2-tags} renamed the instance.
   */
  @Test
  void anInstanceWhoseIdWasNeverSavedIsFoundAndRemoved() {
    assertThatThrownBy(() -> machines.create("dev", flags("amazonec2-tags", "Name,web"), 4))
        .isInstanceOf(Ec2Machines.SimulatedKill.class);
    ObjectNode saved = machines.driverJson("dev");
    assertThat(saved.get("InstanceId").asText()).isEmpty();
    String token = saved.get("ClientToken").asText();
    assertThat(token).isNotEmpty();
    // What the killed process had sent.
    check.runInstances(
        b -> b.imageId(saved.get("AMI").asText()).minCount(1).maxCount(1).clientToken(token)
            .tagSpecifications(t -> t.resourceType("instance").tags(
                Tag.builder().key("Name").value("web").build(),
                Tag.builder().key("docker-machine-id").value(saved.get("Id").asText()).build())));
    assertThat(liveInstances(check)).hasSize(1);
    machines.load("dev").remove();
    assertThat(liveInstances(check)).isEmpty();
    assertThat(keyPairs(check)).isEmpty();
  }

  /** The key pair's private key as the AWS console downloads it: a lone .pem, no .pub beside it. */
  @Test
  void aUsersOwnKeyPairIsUsedAndKeptByRemove() throws Exception {
    Path key = store.resolve("mykey.pem");
    dev.machine.core.ssh.SshKeys.generate(key);
    String publicKey = Files.readString(Path.of(key + ".pub"));
    Files.delete(Path.of(key + ".pub"));
    check.importKeyPair(
        b -> b.keyName("mine").publicKeyMaterial(software.amazon.awssdk.core.SdkBytes.fromUtf8String(publicKey)));
    machines.create("own", flags("amazonec2-keypair-name", "mine", "amazonec2-ssh-keypath", key.toString()));
    ObjectNode saved = machines.driverJson("own");
    assertThat(saved.get("ExistingKey").asBoolean()).isTrue();
    assertThat(instance(saved.get("InstanceId").asText()).keyName()).isEqualTo("mine");
    Path copy = machines.machineDir("own").resolve("id_rsa");
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(key));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
    machines.load("own").remove();
    assertThat(liveInstances(check)).isEmpty();
    assertThat(keyPairs(check)).containsExactly("mine");
  }

  @Test
  void aSpotInstanceIsLaunchedThroughRunInstancesAndRemoved() {
    machines.create("spot", flags("amazonec2-request-spot-instance", true));
    Instance i = instance(machines.driverJson("spot").get("InstanceId").asText());
    assertThat(i.instanceLifecycleAsString()).isEqualTo("spot");
    assertThat(ApiCallCounter.count("RequestSpotInstances")).isZero();
    machines.load("spot").remove();
    assertThat(liveInstances(check)).isEmpty();
  }

  @Test
  void lsOfFiftyMachinesInTwoRegionsMakesOneDescribeInstancesPerRegion() throws Exception {
    String westVpc;
    try (Ec2Client west = moto.checkingClient("us-west-2")) {
      westVpc = defaultVpc(west);
    }
    List<String> names = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      String name = "m" + n;
      names.add(name);
      if (n < 40) {
        machines.create(name, flags());
      } else {
        machines.create(
            name, flags("amazonec2-region", "us-west-2", "amazonec2-zone", "us-west-2a", "amazonec2-vpc-id", westVpc));
      }
    }
    machines.load("m3").stop();

    // ls as the CLI runs it: the core's lister over the store, with the driver's batch query.
    // The Docker version query is a stand-in: the emulator's addresses must never be dialled.
    List<String> versionQueries = Collections.synchronizedList(new ArrayList<>());
    DockerVersionQuery versions =
        (auth, url, timeout) -> {
          versionQueries.add(url);
          return "v-test";
        };
    HostLister lister =
        new HostLister(
            new FileStore(store, DriverRegistry.discover(getClass().getClassLoader())),
            new HostStateFetcher(versions, ""));
    ApiCallCounter.reset();
    List<HostListItem> rows = lister.list(ListFilters.parse(List.of()), Duration.ofSeconds(30));
    System.out.println("[amazonec2] ls of 50 machines (2 regions): API calls " + ApiCallCounter.counts());

    assertThat(ApiCallCounter.count("DescribeInstances")).isEqualTo(2);
    assertThat(ApiCallCounter.total()).isEqualTo(2);
    assertThat(rows).extracting(HostListItem::name).containsExactlyInAnyOrderElementsOf(names);
    assertThat(rows).filteredOn(r -> r.name().equals("m3")).extracting(HostListItem::state)
        .containsExactly(State.STOPPED);
    List<HostListItem> running = rows.stream().filter(r -> r.state() == State.RUNNING).toList();
    assertThat(running).hasSize(49).allSatisfy(r -> assertThat(r.url()).matches("tcp://[0-9.]+:2376"));
    assertThat(versionQueries).hasSize(49);
  }
}
