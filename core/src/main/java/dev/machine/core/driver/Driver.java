package dev.machine.core.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A provider of machines: a cloud, a hypervisor, an existing host. The methods and their errors
 * follow Docker Machine's driver interface; every failure is a {@link dev.machine.core.MachineException}
 * whose message a user can act on.
 */
public interface Driver {
  /** The registered name, e.g. {@code amazonec2}; persisted as {@code DriverName}. */
  String driverName();

  String machineName();

  /** Loads the driver's state from its object in {@code config.json}. */
  void readConfig(ObjectNode config);

  /**
   * The driver's object for {@code config.json}. Keys the driver does not know, read by
   * {@link #readConfig}, are kept as they were.
   */
  ObjectNode writeConfig();

  /** Copies flag values into the driver and validates them. */
  void setConfigFromFlags(DriverOptions options);

  /** Validation before anything is saved or created; a failure makes {@code create} exit 3. */
  void preCreateCheck();

  /** Creates the remote resources and leaves the machine ready for SSH. */
  void create();

  /** Deletes the remote resources; tolerates resources that are already gone. */
  void remove();

  void start();

  void stop();

  void kill();

  void restart();

  State state();

  /** The Docker URL, e.g. {@code tcp://1.2.3.4:2376}; fails with {@code Host is not running} unless running. */
  String url();

  /** The IP address (or host name) of the machine. */
  String ip();

  String sshHostname();

  int sshPort();

  String sshUsername();

  /** The private key path, or "" to use the user's agent and default keys. */
  String sshKeyPath();

  /** A way to ask for the state of many machines at once, if the driver has one. */
  default Optional<BatchStateQuery> batchStateQuery() {
    return Optional.empty();
  }
}
