package dev.machine.drivers.generic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.driver.BaseDriver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverOptions;
import dev.machine.core.driver.State;
import dev.machine.core.ssh.CommandFailure;
import dev.machine.core.ssh.CommandResult;
import dev.machine.core.ssh.RemoteShell;
import dev.machine.core.ssh.SshConnection;
import dev.machine.core.ssh.SshException;
import dev.machine.core.ssh.SshTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Docker Machine's {@code generic} driver: the machine is an existing host at a fixed address.
 * Nothing is created or removed remotely; the state is whether its SSH port accepts connections.
 */
public final class GenericDriver extends BaseDriver {
  static final String FLAG_ENGINE_PORT = "generic-engine-port";
  static final String FLAG_IP_ADDRESS = "generic-ip-address";
  static final String FLAG_SSH_USER = "generic-ssh-user";
  static final String FLAG_SSH_KEY = "generic-ssh-key";
  static final String FLAG_SSH_PORT = "generic-ssh-port";
  static final int DEFAULT_ENGINE_PORT = 2376;
  /** Docker Machine's generic GetState dial timeout. */
  static final Duration STATE_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration SSH_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final Function<SshTarget, RemoteShell> ssh;
  private int enginePort = DEFAULT_ENGINE_PORT;
  private String sshKey = "";

  public GenericDriver(DriverContext context) {
    this(context, target -> SshConnection.open(target, SSH_CONNECT_TIMEOUT));
  }

  /** With another way to open SSH connections (for {@link #preCreateCheck} and {@link #restart}). */
  GenericDriver(DriverContext context, Function<SshTarget, RemoteShell> ssh) {
    super(context);
    this.ssh = ssh;
  }

  @Override
  public String driverName() {
    return GenericDriverProvider.NAME;
  }

  @Override
  protected void readFields(ObjectNode config) {
    enginePort = config.path("EnginePort").asInt(DEFAULT_ENGINE_PORT);
    sshKey = text(config, "SSHKey");
  }

  @Override
  protected void writeFields(ObjectNode config) {
    config.put("EnginePort", enginePort);
    config.put("SSHKey", sshKey);
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    setSwarmConfigFromFlags(options);
    enginePort = options.integer(FLAG_ENGINE_PORT);
    ipAddress = options.string(FLAG_IP_ADDRESS);
    sshUser = options.string(FLAG_SSH_USER);
    sshKey = options.string(FLAG_SSH_KEY);
    sshPort = options.integer(FLAG_SSH_PORT);
    if (ipAddress.isEmpty()) {
      throw new MachineException("generic driver requires the --generic-ip-address option");
    }
  }

  /**
   * Fails before anything is saved when the key file is missing, the host's SSH port cannot be
   * reached or the host rejects the login (user or key wrong). Docker Machine only found these
   * after waiting 3 minutes for SSH; one login now makes them a pre-create failure: exit 3, one
   * line, nothing in the store. A failed handshake is left to the SSH wait after create, which
   * retries it.
   */
  @Override
  public void preCreateCheck() {
    if (!sshKey.isEmpty() && !Files.exists(Path.of(sshKey))) {
      throw new MachineException("SSH key does not exist: \"" + sshKey + "\"");
    }
    // No pinned host key yet: the machine directory does not exist before create.
    SshTarget target = new SshTarget(ipAddress, sshPort(), sshUsername(), sshKey, null);
    try {
      ssh.apply(target).close(); // logged in: the host is there and accepts the user's key
    } catch (SshException e) {
      switch (e.reason()) {
        case CONNECT -> throw new MachineException(
            "Cannot reach the host's SSH port " + hostPort(ipAddress, sshPort()) + ": " + rootMessage(e), e);
        case AUTH, KEY_FILE -> throw new MachineException(e.getMessage(), e);
        default -> LoggerFactory.getLogger(GenericDriver.class)
            .debug("SSH login to {} before create failed; the SSH wait retries: {}", target.display(), e.getMessage());
      }
    } catch (IllegalArgumentException e) {
      throw new MachineException(
          "Cannot reach the host's SSH port " + hostPort(ipAddress, sshPort()) + ": " + reason(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : reason(root);
  }

  private static String reason(Throwable e) {
    return e.getMessage() == null || e.getMessage().isEmpty() ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public void create() {
    if (sshKey.isEmpty()) {
      progress().info("No SSH key specified. Assuming an existing key at the default location.");
      return;
    }
    progress().info("Importing SSH key...");
    Path source = Path.of(sshKey);
    Path target = resolveStorePath(source.getFileName().toString());
    copyKey(source, target);
    sshKeyPath = target.toString();
    try {
      copyKey(Path.of(sshKey + ".pub"), Path.of(target + ".pub"));
    } catch (MachineException e) {
      progress().warn("Couldn't copy SSH public key : " + e.getMessage());
    }
  }

  private static void copyKey(Path source, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new MachineException("unable to copy ssh key: " + e.getMessage(), e);
    }
    try {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      throw new MachineException("unable to set permissions on the ssh key: " + e.getMessage(), e);
    }
  }

  /** The copied key, or "" to use the user's agent and default keys (no {@code -i}). */
  @Override
  public String sshKeyPath() {
    return sshKeyPath == null ? "" : sshKeyPath;
  }

  /** Running when the SSH port accepts a TCP connection within 15 s, otherwise Stopped (never Error). */
  @Override
  public State state() {
    if (ipAddress == null || ipAddress.isEmpty()) {
      return State.STOPPED;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ipAddress, sshPort()), (int) STATE_TIMEOUT.toMillis());
      return State.RUNNING;
    } catch (IOException | IllegalArgumentException e) {
      return State.STOPPED;
    }
  }

  @Override
  public String url() {
    mustBeRunning();
    return "tcp://" + hostPort(ip(), enginePort);
  }

  private static String hostPort(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public void start() {
    throw new MachineException("generic driver does not support start");
  }

  @Override
  public void stop() {
    throw new MachineException("generic driver does not support stop");
  }

  @Override
  public void kill() {
    throw new MachineException("generic driver does not support kill");
  }

  /** Reboots the host with {@code sudo shutdown -r now} over SSH. */
  @Override
  public void restart() {
    String command = "sudo shutdown -r now";
    Path knownHosts = context.machineDir().resolve("known_hosts");
    SshTarget target = new SshTarget(sshHostname(), sshPort(), sshUsername(), sshKeyPath(), knownHosts);
    try (RemoteShell shell = ssh.apply(target)) {
      CommandResult result;
      try {
        result = shell.run(command);
      } catch (SshException e) {
        if (e.reason() == SshException.Reason.TRANSPORT) {
          return; // the host went down under the command: that is the reboot
        }
        throw e;
      }
      if (!result.ok()) {
        throw new MachineException(CommandFailure.message(command, result));
      }
    }
  }

  /** Nothing to delete: the host is not ours. */
  @Override
  public void remove() {}
}
