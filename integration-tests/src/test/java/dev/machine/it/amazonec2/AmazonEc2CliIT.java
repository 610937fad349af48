package dev.machine.it.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machine.it.cli.MachineRunner;
import dev.machine.it.testbed.TestHost;
import dev.machine.it.testbed.TestHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The built CLI against moto, end to end: moto's VPC has the subnet 10.200.3.0/24, where a real
 * test host (sshd + dockerd) answers at 10.200.3.4, the private address moto gives the first
 * instance launched there. Everything runs in this JVM's sealed network namespace, which holds the
 * outer end of the test host's link and nothing else.
 */
class AmazonEc2CliIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static MotoEmulator moto;
  private static Ec2Client check;
  private static TestHosts hosts;

  @TempDir Path store;
  private MachineRunner machine;
  private String subnet;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoEmulator.start();
    check = moto.check();
    hosts =
        TestHosts.builder().subnet(3).outerNetns(System.getProperty("machine.sealed.netns")).count(1).start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (hosts != null) {
      hosts.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    // The launcher honours JAVA_HOME, which failsafe points at the sealed-netns wrapper: give it
    // the real JDK so the CLI runs in this JVM's namespace (with the emulator), not a new one.
    machine = new MachineRunner(store).env("JAVA_HOME", System.getProperty("java.home"));
    freshEmulator();
  }

  /** An empty emulator with the VPC and subnet of the test host. */
  private void freshEmulator() throws IOException {
    moto.reset();
    String vpc = check.createVpc(b -> b.cidrBlock("10.200.0.0/16")).vpc().vpcId();
    subnet =
        check.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.200.3.0/24").availabilityZone("us-east-1a"))
            .subnet()
            .subnetId();
  }

  private List<String> createArgs(String name) {
    return List.of(
        "create", "-d", "amazonec2",
        "--amazonec2-endpoint", moto.endpoint(),
        "--amazonec2-subnet-id", subnet,
        "--amazonec2-use-private-address",
        "--amazonec2-ssh-user", TestHost.SSH_USER,
        "--amazonec2-ssh-keypath", hosts.privateKeyPath().toString(),
        name);
  }

  private static List<Instance> liveInstances() {
    return check.describeInstances().reservations().stream()
        .flatMap(r -> r.instances().stream())
        .filter(i -> !"terminated".equals(i.state().nameAsString()))
        .toList();
  }

  private static void assertNothingLeft(String when) {
    assertThat(liveInstances()).as("instances %s", when).isEmpty();
    assertThat(check.describeKeyPairs().keyPairs()).as("key pairs %s", when).isEmpty();
    assertThat(check.describeSecurityGroups().securityGroups())
        .as("security groups %s", when)
        .allSatisfy(g -> assertThat(g.groupName()).isEqualTo("default"));
  }

  @Test
  void createProvisionsTheInstanceAndDockerRunsThroughEnv() throws Exception {
    long start = System.nanoTime();
    MachineRunner.Result create = machine.run(createArgs("dev").toArray(String[]::new)).exits(0);
    System.out.println("[amazonec2] CLI create against moto + test host: " + (System.nanoTime() - start) / 1_000_000 + " ms");
    assertThat(create.out())
        .contains("(dev) Launching instance...")
        .contains("Docker is up and running!");
    assertThat(machine.run("ip", "dev").exits(0).out().strip()).isEqualTo("10.200.3.4");
    assertThat(machine.run("url", "dev").exits(0).out().strip()).isEqualTo("tcp://10.200.3.4:2376");
    assertThat(machine.run("ls").exits(0).out()).containsPattern("dev\\s+-\\s+amazonec2\\s+Running\\s+tcp://10.200.3.4:2376");

    MachineRunner.Result docker =
        machine.bash(
            "set -e; eval \"$(machine -s " + store + " env dev)\"; docker import -c 'CMD [\"/bin/sh\"]' - busybox:local < "
                + hosts.busyboxTarball() + " >/dev/null; docker run --rm busybox:local echo hello-from-ec2");
    assertThat(docker.code()).as("docker through env: %s %s", docker.out(), docker.err()).isZero();
    assertThat(docker.out()).contains("hello-from-ec2");

    machine.run("rm", "-y", "dev").exits(0);
    assertNothingLeft("after rm");
  }

  /** The state EC2 itself reports for the only instance, by its Describe call. */
  private static String emulatorState() {
    List<Instance> live = liveInstances();
    assertThat(live).hasSize(1);
    return live.get(0).state().nameAsString();
  }

  /**
   * Our users' commands as they write them: an image by name, then status, ssh and every
   * lifecycle command, each checked against the emulator's own Describe answer, and rm with its
   * prompt answered.
   */
  @Test
  void theUsersCommandsWorkAsWritten() {
    List<String> args = new ArrayList<>(createArgs("dev"));
    args.addAll(args.size() - 1, List.of("--amazonec2-image", "ubuntu-14-04-x64"));
    MachineRunner.Result create = machine.run(args.toArray(String[]::new)).exits(0);
    assertThat(create.out()).contains("ami-1e749f67");
    assertThat(machine.run("inspect", "-f", "{{.Driver.AMI}}", "dev").exits(0).out()).isEqualTo("ami-1e749f67\n");
    assertThat(liveInstances().get(0).imageId()).isEqualTo("ami-1e749f67");

    assertThat(machine.run("status", "dev").exits(0).out()).isEqualTo("Running\n");
    assertThat(machine.run("ssh", "dev", "--", "echo", "over-ssh").exits(0).out()).isEqualTo("over-ssh\n");

    assertThat(machine.run("stop", "dev").exits(0).out()).contains("Machine \"dev\" was stopped.");
    assertThat(emulatorState()).isEqualTo("stopped");
    assertThat(machine.run("status", "dev").exits(0).out()).isEqualTo("Stopped\n");
    assertThat(machine.run("stop", "dev").exits(1).err()).isEqualTo("Machine \"dev\" is already stopped.\n");
    assertThat(machine.run("ssh", "dev", "--", "true").exits(1).err())
        .isEqualTo("Error: Cannot run SSH command: Host \"dev\" is not running\n");

    assertThat(machine.run("start", "dev").exits(0).out()).contains("Machine \"dev\" was started.");
    assertThat(emulatorState()).isEqualTo("running");
    assertThat(machine.run("restart", "dev").exits(0).out()).contains("Restarting \"dev\"...");
    assertThat(emulatorState()).isEqualTo("running");
    assertThat(machine.run("ls", "--filter", "state=Running", "-q").exits(0).out()).isEqualTo("dev\n");

    assertThat(machine.run("kill", "dev").exits(0).out()).contains("Machine \"dev\" was killed.");
    assertThat(emulatorState()).isEqualTo("stopped");

    MachineRunner.Result rm = machine.runWithInput("y\n", "rm", "dev").exits(0);
    assertThat(rm.out()).contains("Are you sure? (y/n): ").contains("Successfully removed dev");
    assertNothingLeft("after rm");
    assertThat(store.resolve("machines/dev")).doesNotExist();
  }

  /**
   * A create that fails after EC2 made everything (key pair, security group, instance): the host
   * refuses the SSH user. The create removes all of it and says so; the emulator's own Describe
   * calls find nothing left but the terminated instance.
   */
  @Test
  void aCreateThatFailsAfterTheInstanceExistsRemovesEverythingItMade() {
    List<String> args = new ArrayList<>(createArgs("bad"));
    args.set(args.indexOf(TestHost.SSH_USER), "nobody-here");
    MachineRunner.Result create = machine.run(args.toArray(String[]::new)).exits(1);

    assertThat(create.err().lines().findFirst().orElse("")).startsWith("Error creating machine: ")
        .contains("unable to authenticate as nobody-here@10.200.3.4:22");
    assertThat(create.out())
        .contains("(bad) Launching instance...")
        .contains("Removing what the failed create made for machine \"bad\" (use --keep-on-failure to keep it)...");
    List<Instance> all =
        check.describeInstances().reservations().stream().flatMap(r -> r.instances().stream()).toList();
    assertThat(all).as("the instance the create launched").hasSize(1);
    assertThat(all.get(0).state().nameAsString()).isEqualTo("terminated");
    assertNothingLeft("after a failed create");
    assertThat(store.resolve("machines/bad")).doesNotExist();
    assertThat(machine.run("ls", "-q").exits(0).out()).isEmpty();
  }

  /**
   * A step of the create where a test stops it. Where the create makes an EC2 call after saving
   * the state, the test holds that call ({@link HoldingProxy}), so the stop lands exactly there;
   * otherwise (nothing calls EC2 after the IP address is saved) it stops the create as soon as
   * the saved state matches.
   */
  private record KillPoint(String what, Predicate<JsonNode> saved, boolean heldInACall) {}

  private static final List<KillPoint> KILL_POINTS =
      List.of(
          new KillPoint("key pair name saved", d -> !d.path("KeyName").asText().isEmpty(), true),
          new KillPoint("security group being created", d -> d.path("PendingSecurityGroups").size() > 0, true),
          new KillPoint("security group created", d -> d.path("CreatedSecurityGroupIds").size() > 0, true),
          new KillPoint("client token saved", d -> !d.path("ClientToken").asText().isEmpty(), true),
          new KillPoint("instance launched", d -> !d.path("InstanceId").asText().isEmpty(), true),
          new KillPoint("IP address saved", d -> !d.path("IPAddress").asText().isEmpty(), false));

  /**
   * {@code kill -9} of a create at each point where it has just saved something (the key pair
   * name, the group it made, the instance), then {@code rm}: nothing may be left in EC2.
   */
  @Test
  void aCreateKilledAtAnyPointLeavesNothingAfterRm() throws Exception {
    try (HoldingProxy proxy = HoldingProxy.start(moto.endpoint())) {
      for (int i = 0; i < KILL_POINTS.size(); i++) {
        KillPoint point = KILL_POINTS.get(i);
        freshEmulator();
        String name = "k" + i;
        Process p = startCreateAndStopAt(name, point, proxy);
        p.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
        p.waitFor();
        proxy.release();
        assertThat(store.resolve("machines").resolve(name)).as("the killed create's machine").exists();
        MachineRunner.Result rm = machine.run("rm", "-y", name);
        assertThat(rm.code()).as("rm after a kill at %s: %s %s", point.what(), rm.out(), rm.err()).isZero();
        assertNothingLeft("after a kill at " + point.what() + " and rm");
      }
    }
  }

  /**
   * Ctrl-C (SIGINT) of a create at each of those points: the create stops, removes what it made
   * before the process exits, and exits 130. Neither the store nor EC2 keeps anything, with no rm.
   */
  @Test
  void aCreateInterruptedAtAnyPointRemovesWhatItMadeBeforeExiting() throws Exception {
    try (HoldingProxy proxy = HoldingProxy.start(moto.endpoint())) {
      for (int i = 0; i < KILL_POINTS.size(); i++) {
        KillPoint point = KILL_POINTS.get(i);
        freshEmulator();
        String name = "i" + i;
        Process p = startCreateAndStopAt(name, point, proxy);
        signal(p, "INT");
        assertInterruptedCreateCleanedUp(name, p, proxy, point.what(), 130);
      }
    }
  }

  /** SIGTERM (kill's default, what a CI runner or systemd sends) cleans up as Ctrl-C does. */
  @Test
  void aCreateTerminatedWhileTheInstanceStartsRemovesWhatItMade() throws Exception {
    try (HoldingProxy proxy = HoldingProxy.start(moto.endpoint())) {
      KillPoint point = KILL_POINTS.stream().filter(k -> k.what().equals("instance launched")).findFirst().orElseThrow();
      Process p = startCreateAndStopAt("t1", point, proxy);
      p.destroy(); // SIGTERM
      assertInterruptedCreateCleanedUp("t1", p, proxy, point.what(), 143);
    }
  }

  private void assertInterruptedCreateCleanedUp(String name, Process p, HoldingProxy proxy, String when, int status)
      throws Exception {
    // The held EC2 call goes on once the create has seen the signal, so the stop lands at this step.
    awaitLog(name, "Interrupted: stopping the create of machine \"" + name + "\"", p);
    proxy.release();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("create exits after a signal at %s; log:%n%s", when, log(name)).isTrue();
    String log = log(name);
    assertThat(p.exitValue()).as("exit status after a signal at %s; log:%n%s", when, log).isEqualTo(status);
    assertThat(log)
        .as("signal at %s", when)
        .contains("Removing what the interrupted create made for machine \"" + name + "\"")
        .contains("Removed machine \"" + name + "\": its driver's resources and its configuration.")
        .endsWith("Error creating machine: interrupted\n");
    assertThat(store.resolve("machines").resolve(name)).as("machine dir after a signal at %s", when).doesNotExist();
    assertThat(machine.run("ls", "-q").exits(0).out()).isEmpty();
    assertNothingLeft("after a signal at " + when + "; log:\n" + log);
  }

  /**
   * Starts {@code create NAME} through the proxy and returns once it is stopped at {@code point}:
   * blocked in the EC2 call that follows that step, or just past it.
   */
  private Process startCreateAndStopAt(String name, KillPoint point, HoldingProxy proxy) throws Exception {
    Path config = store.resolve("machines").resolve(name).resolve("config.json");
    if (point.heldInACall()) {
      proxy.holdFirstRequestWhen(() -> savedDriverMatches(config, point.saved()));
    }
    List<String> args = new ArrayList<>(createArgs(name));
    args.set(args.indexOf(moto.endpoint()), proxy.endpoint());
    Process p = machine.start(store.resolve(name + ".log"), args.toArray(String[]::new));
    if (point.heldInACall()) {
      String action = proxy.awaitHeld(Duration.ofMinutes(2));
      assertThat(action).as("an EC2 call held once %s; log:%n%s", point.what(), log(name)).isNotNull();
      assertThat(p.isAlive()).isTrue();
      return p;
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (p.isAlive() && System.nanoTime() < deadline && !savedDriverMatches(config, point.saved())) {
      Thread.sleep(2);
    }
    assertThat(p.isAlive()).as("create still running once %s; log:%n%s", point.what(), log(name)).isTrue();
    assertThat(savedDriverMatches(config, point.saved())).as("reached: %s", point.what()).isTrue();
    return p;
  }

  private static boolean savedDriverMatches(Path config, Predicate<JsonNode> condition) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return Files.exists(config) && condition.test(JSON.readTree(config.toFile()).path("Driver"));
      } catch (IOException replacedWhileRead) {
        // read it again
      }
    }
    return false;
  }

  private static void signal(Process p, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -%s %d", signal, p.pid()).isZero();
  }

  private void awaitLog(String name, String text, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && !log(name).contains(text)) {
      if (!p.isAlive()) {
        break;
      }
      Thread.sleep(10);
    }
    assertThat(log(name)).as("log of create %s", name).contains(text);
  }

  private String log(String name) throws IOException {
    Path log = store.resolve(name + ".log");
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
