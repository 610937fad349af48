package dev.machine.core.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import java.nio.file.Path;

/**
 * The fields every driver shares (Docker Machine's {@code BaseDriver}), flattened first into the
 * driver's JSON object, and the bookkeeping that keeps keys this version does not know.
 * Subclasses add their own fields through {@link #readFields} and {@link #writeFields}.
 */
public abstract class BaseDriver implements Driver {
  public static final String DEFAULT_SSH_USER = "root";
  public static final int DEFAULT_SSH_PORT = 22;

  protected final DriverContext context;
  protected String ipAddress = "";
  protected String sshUser = "";
  protected int sshPort;
  protected String sshKeyPath = "";
  protected boolean swarmMaster;
  protected String swarmHost = "";
  protected String swarmDiscovery = "";
  private ObjectNode original = JsonNodeFactory.instance.objectNode();

  protected BaseDriver(DriverContext context) {
    this.context = context;
  }

  @Override
  public String machineName() {
    return context.machineName();
  }

  protected Path storePath() {
    return context.storePath();
  }

  protected Progress progress() {
    return context.progress();
  }

  /** Saves the host now, with this driver's current state (see {@link Checkpoint}). */
  protected void checkpoint() {
    context.checkpoint().save();
  }

  /** {@code <store>/machines/<name>/<file>} (Docker Machine's {@code ResolveStorePath}). */
  protected Path resolveStorePath(String file) {
    return context.machineDir().resolve(file);
  }

  @Override
  public final void readConfig(ObjectNode config) {
    original = config.deepCopy();
    ipAddress = text(config, "IPAddress");
    sshUser = text(config, "SSHUser");
    sshPort = config.path("SSHPort").asInt(0);
    sshKeyPath = text(config, "SSHKeyPath");
    swarmMaster = config.path("SwarmMaster").asBoolean(false);
    swarmHost = text(config, "SwarmHost");
    swarmDiscovery = text(config, "SwarmDiscovery");
    readFields(config);
  }

  @Override
  public final ObjectNode writeConfig() {
    ObjectNode out = original.deepCopy();
    out.put("IPAddress", ipAddress);
    out.put("MachineName", machineName());
    out.put("SSHUser", sshUser);
    out.put("SSHPort", sshPort);
    out.put("SSHKeyPath", sshKeyPath);
    out.put("StorePath", storePath().toString());
    out.put("SwarmMaster", swarmMaster);
    out.put("SwarmHost", swarmHost);
    out.put("SwarmDiscovery", swarmDiscovery);
    writeFields(out);
    return out;
  }

  /** Reads the driver's own fields. */
  protected abstract void readFields(ObjectNode config);

  /** Writes the driver's own fields, after the shared ones. */
  protected abstract void writeFields(ObjectNode config);

  /** Reads the {@code swarm-master}, {@code swarm-host} and {@code swarm-discovery} options. */
  protected void setSwarmConfigFromFlags(DriverOptions options) {
    swarmMaster = options.bool("swarm-master");
    swarmHost = options.string("swarm-host");
    swarmDiscovery = options.string("swarm-discovery");
  }

  @Override
  public String ip() {
    if (ipAddress == null || ipAddress.isEmpty()) {
      throw new MachineException("IP address is not set");
    }
    return ipAddress;
  }

  @Override
  public String sshHostname() {
    return ip();
  }

  @Override
  public int sshPort() {
    if (sshPort == 0) {
      sshPort = DEFAULT_SSH_PORT;
    }
    return sshPort;
  }

  @Override
  public String sshUsername() {
    if (sshUser == null || sshUser.isEmpty()) {
      sshUser = DEFAULT_SSH_USER;
    }
    return sshUser;
  }

  @Override
  public String sshKeyPath() {
    if (sshKeyPath == null || sshKeyPath.isEmpty()) {
      sshKeyPath = resolveStorePath("id_rsa").toString();
    }
    return sshKeyPath;
  }

  @Override
  public void preCreateCheck() {}

  /** Fails with {@code Host is not running} unless the driver reports {@link State#RUNNING}. */
  protected void mustBeRunning() {
    if (state() != State.RUNNING) {
      throw new HostNotRunningException();
    }
  }

  protected static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
