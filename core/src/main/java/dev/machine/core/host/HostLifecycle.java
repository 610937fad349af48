package dev.machine.core.host;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.State;
import dev.machine.core.provision.Provisioning;

/**
 * What the lifecycle commands do to one machine (Docker Machine's {@code host.Start}, {@code Stop},
 * ...), with the same waits and messages. Saving the machine afterwards is the caller's job
 * ({@link MultiHostAction}).
 */
public final class HostLifecycle {
  private final Provisioning provisioning;
  private final RetryWait wait;
  private final Progress progress;

  public HostLifecycle(Provisioning provisioning, RetryWait wait, Progress progress) {
    this.provisioning = provisioning;
    this.wait = wait;
    this.progress = progress;
  }

  public void start(Host host) {
    Driver driver = host.driver();
    progress.info("Starting \"" + host.name() + "\"...");
    if (driver.state() == State.RUNNING) {
      throw alreadyIn(host, State.RUNNING);
    }
    driver.start();
    wait.waitFor(() -> driver.state() == State.RUNNING);
    progress.info("Machine \"" + host.name() + "\" was started.");
    waitForDocker(host);
  }

  public void stop(Host host) {
    Driver driver = host.driver();
    progress.info("Stopping \"" + host.name() + "\"...");
    if (driver.state() == State.STOPPED) {
      throw alreadyIn(host, State.STOPPED);
    }
    driver.stop();
    wait.waitFor(() -> driver.state() == State.STOPPED);
    progress.info("Machine \"" + host.name() + "\" was stopped.");
  }

  public void kill(Host host) {
    Driver driver = host.driver();
    progress.info("Killing \"" + host.name() + "\"...");
    if (driver.state() == State.STOPPED) {
      throw alreadyIn(host, State.STOPPED);
    }
    driver.kill();
    wait.waitFor(() -> driver.state() == State.STOPPED);
    progress.info("Machine \"" + host.name() + "\" was killed.");
  }

  public void restart(Host host) {
    Driver driver = host.driver();
    progress.info("Restarting \"" + host.name() + "\"...");
    State state = driver.state();
    if (state == State.STOPPED) {
      start(host);
      return;
    }
    if (state == State.RUNNING) {
      driver.restart();
      wait.waitFor(() -> driver.state() == State.RUNNING);
    }
    waitForDocker(host);
  }

  /** Installs and configures Docker again with the machine's saved options. */
  public void provision(Host host) {
    requireSsh(host, "provisioned");
    provisioning.provision(host, progress);
  }

  /** Starts the machine if needed, then upgrades Docker on it. */
  public void upgrade(Host host) {
    requireSsh(host, "upgraded");
    if (host.driver().state() != State.RUNNING) {
      progress.info("Starting machine so machine can be upgraded...");
      start(host);
    }
    provisioning.upgrade(host, progress);
  }

  /**
   * Issues a new server certificate and reconfigures the daemon. A {@code none} machine has no
   * daemon to configure: its directory gets fresh copies of the store's CA and client certificate.
   */
  public void regenerateCertificates(Host host) {
    progress.info("Regenerating TLS certificates");
    if (isNone(host)) {
      MachineCertificates.copyToMachineDir(host.hostOptions().authOptions());
      return;
    }
    provisioning.configureAuth(host, progress);
  }

  private void waitForDocker(Host host) {
    if (!isNone(host)) {
      provisioning.waitForDocker(host, progress);
    }
  }

  private static boolean isNone(Host host) {
    return HostCreator.NONE_DRIVER.equals(host.driverName());
  }

  /** Docker Machine would try SSH to {@code @:0} here; say what is wrong instead. */
  private static void requireSsh(Host host, String verb) {
    if (isNone(host)) {
      throw new MachineException("hosts without a driver cannot be " + verb);
    }
  }

  private static MachineException alreadyIn(Host host, State state) {
    return new MachineException(
        "Machine \"" + host.name() + "\" is already " + state.display().toLowerCase() + ".");
  }
}
