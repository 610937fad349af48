package dev.machine.drivers.amazonec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.driver.BaseDriver;
import dev.machine.core.driver.BatchStateQuery;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverOptions;
import dev.machine.core.driver.State;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Docker Machine's amazonec2 driver on the AWS SDK for Java v2, with rancher's additions (IMDS
 * options, EBS encryption, tags on volumes, spot through RunInstances) and these changes:
 *
 * <ul>
 *   <li>images by name ({@code --amazonec2-image ubuntu-24-04-arm64}) and, by default, the newest
 *       Ubuntu LTS for the instance type's architecture, found with DescribeImages;
 *   <li>IMDSv2 ({@code http-tokens required}) by default;
 *   <li>credentials from the environment, a profile or the default chain are never written to
 *       config.json; only keys given explicitly on the command line are;
 *   <li>every resource is saved the moment it exists, so {@code rm} can delete what a killed
 *       create made, and a failed create deletes what it made;
 *   <li>{@code ls} asks for the states of all machines of one account and region in one call.
 * </ul>
 *
 * <p>This class is the driver SPI and the runtime (state, IP, start/stop); it delegates the rest:
 * config.json to {@link Ec2MachineConfig}, the flags to {@link Ec2FlagParser}, the pre-create check
 * to {@link PreCreateCheck}, create to {@link CreateSteps} and rm to {@link ResourceRemoval}.
 */
public final class AmazonEc2Driver extends BaseDriver {
  static final int DOCKER_PORT = IngressRules.DOCKER_PORT;
  private static final String DEFAULT_SWARM_HOST_PORT = "3376";
  /** A description fetched this recently answers state, IP and URL without another call (ls, env). */
  private static final long CACHE_NANOS = Duration.ofSeconds(2).toNanos();

  private final Ec2Environment environment;

  /** The driver's own keys in config.json (BaseDriver keeps the shared ones: SSH user, IP...). */
  private final Ec2MachineConfig config = new Ec2MachineConfig();

  // Not persisted.
  private int swarmPort;
  private boolean prereqsChecked;
  private Ec2Client client;
  private Instance cachedInstance;
  private long cachedAt;

  AmazonEc2Driver(DriverContext context, Ec2Environment environment) {
    super(context);
    this.environment = environment;
    this.sshUser = Ec2Flags.DEFAULT_SSH_USER;
    this.sshPort = DEFAULT_SSH_PORT;
  }

  @Override
  public String driverName() {
    return AmazonEc2Provider.NAME;
  }

  // ---------------------------------------------------------------------------------------------
  // config.json

  @Override
  protected void readFields(ObjectNode c) {
    config.read(c);
  }

  @Override
  protected void writeFields(ObjectNode c) {
    config.write(c);
  }

  // ---------------------------------------------------------------------------------------------
  // Flags

  @Override
  public void setConfigFromFlags(DriverOptions o) {
    // The fields BaseDriver keeps; the parser reads the rest, in Docker Machine's order.
    sshUser = o.string(Ec2Flags.SSH_USER);
    sshPort = o.integer(Ec2Flags.SSH_PORT);
    setSwarmConfigFromFlags(o);
    new Ec2FlagParser(config, environment, this::ec2, progress()).parse(o);
    swarmPort = 0;
    if (swarmMaster) {
      swarmPort = swarmPortOf(swarmHost);
    }
  }

  private static int swarmPortOf(String swarmHost) {
    try {
      int port = URI.create(swarmHost).getPort();
      return port > 0 ? port : Integer.parseInt(DEFAULT_SWARM_HOST_PORT);
    } catch (IllegalArgumentException e) {
      return Integer.parseInt(DEFAULT_SWARM_HOST_PORT);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Pre-create check and create

  @Override
  public void preCreateCheck() {
    sshUser = new PreCreateCheck(config, this::ec2, machineName(), progress()).check(sshUser);
    prereqsChecked = true;
  }

  /**
   * Launches the instance. Each resource is saved (checkpoint) the moment it exists, so that
   * {@link #remove()} can delete whatever a failed or killed create made; the core calls it after a
   * failure unless the user asked to keep the remains ({@code --keep-on-failure}).
   */
  @Override
  public void create() {
    if (!prereqsChecked) {
      preCreateCheck();
    }
    CreateSteps steps = new CreateSteps(config, environment, this::ec2, context);
    String userData = steps.userData();
    progress().info("Launching instance...");
    try {
      Path key = steps.installSshKey();
      sshKeyPath = key.toString(); // before the key pair's checkpoint, which saves it too
      steps.importKeyPair(key);
      steps.configureSecurityGroups(sshPort(), swarmPort);
      steps.launch(userData);
      ipAddress = steps.waitForIpAndRunning(() -> describe(true));
    } catch (SdkException e) {
      throw new MachineException(AwsErrors.describe(e), e);
    }
    checkpoint();
  }

  // ---------------------------------------------------------------------------------------------
  // Remove

  @Override
  public void remove() {
    try {
      new ResourceRemoval(config, environment, this::ec2, progress()).remove();
    } finally {
      cachedInstance = null; // the instance may be gone now
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Runtime

  @Override
  public State state() {
    Instance instance;
    try {
      instance = describe(false);
    } catch (InstanceNotFoundException e) {
      return State.NOT_FOUND;
    }
    return InstanceStates.toState(instance.state() == null ? "" : instance.state().nameAsString(), progress());
  }

  @Override
  public String ip() {
    Instance instance = describe(false);
    String ip = config.addressOf(instance);
    if (ip == null || ip.isEmpty()) {
      throw new MachineException(
          (config.usesPrivateAddress() ? "No private IP for instance " : "No IP for instance ") + config.instanceId);
    }
    ipAddress = ip;
    return ip;
  }

  @Override
  public String sshHostname() {
    return ip();
  }

  @Override
  public String url() {
    mustBeRunning();
    String ip = ip();
    return "tcp://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + DOCKER_PORT;
  }

  /** Sends StartInstances; the core's lifecycle then waits for the machine to run. */
  @Override
  public void start() {
    call(() -> ec2().startInstances(b -> b.instanceIds(requireInstanceId())));
  }

  @Override
  public void stop() {
    call(() -> ec2().stopInstances(b -> b.instanceIds(requireInstanceId()).force(false)));
  }

  @Override
  public void kill() {
    call(() -> ec2().stopInstances(b -> b.instanceIds(requireInstanceId()).force(true)));
  }

  @Override
  public void restart() {
    call(() -> ec2().rebootInstances(b -> b.instanceIds(requireInstanceId())));
  }

  private void call(Runnable action) {
    cachedInstance = null;
    try {
      action.run();
    } catch (SdkException e) {
      throw new MachineException(AwsErrors.describe(e), e);
    }
  }

  private String requireInstanceId() {
    if (config.instanceId.isEmpty()) {
      throw new MachineException(
          "Missing instance ID, this is likely due to a failure during machine creation");
    }
    return config.instanceId;
  }

  /** The instance as EC2 describes it; a description a moment old is reused unless {@code fresh}. */
  private Instance describe(boolean fresh) {
    if (!fresh && cachedInstance != null && System.nanoTime() - cachedAt < CACHE_NANOS) {
      return cachedInstance;
    }
    String id = requireInstanceId();
    List<Instance> found;
    try {
      found =
          ec2().describeInstances(b -> b.instanceIds(id)).reservations().stream()
              .flatMap(r -> r.instances().stream())
              .toList();
    } catch (SdkException e) {
      if (AwsErrors.isNotFound(e)) {
        throw new InstanceNotFoundException(id);
      }
      throw new MachineException(AwsErrors.describe(e), e);
    }
    if (found.isEmpty()) {
      throw new InstanceNotFoundException(id);
    }
    remember(found.get(0));
    return found.get(0);
  }

  void remember(Instance instance) {
    cachedInstance = instance;
    cachedAt = System.nanoTime();
  }

  /** The instance is gone from EC2 (terminated a while ago, or never existed). */
  static final class InstanceNotFoundException extends MachineException {
    InstanceNotFoundException(String id) {
      super("Remote instance " + id + " does not exist");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Batch state and the client

  @Override
  public Optional<BatchStateQuery> batchStateQuery() {
    return Optional.of(new Ec2BatchStateQuery(this));
  }

  String instanceId() {
    return config.instanceId;
  }

  Ec2Connection connection() {
    return config.connection();
  }

  /** The EC2 client, built on first use only: commands that never call AWS never pay for it. */
  Ec2Client ec2() {
    if (client == null) {
      client = environment.clients().client(connection());
    }
    return client;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
