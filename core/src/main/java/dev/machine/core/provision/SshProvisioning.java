package dev.machine.core.provision;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.host.Host;
import dev.machine.core.host.SwarmOptions;
import dev.machine.core.ssh.RemoteShell;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link Provisioning} over SSH: each call opens ONE connection and runs all its commands as
 * sessions on it. Supports systemd distributions: Ubuntu ≥ 15.04, Debian, RHEL and its rebuilds,
 * Fedora, Amazon Linux 2/2023, openSUSE/SLES and Arch (see {@link ProvisionerDetector}).
 */
public final class SshProvisioning implements Provisioning {
  private final RemoteShellFactory shells;
  private final ServerCertIssuer certs;
  private final Waits waits;

  /**
   * @param shells opens the SSH connection to a host
   * @param certs issues the server certificate ({@link ServerCertIssuer#standard()} in production)
   * @param waits poll counts and intervals ({@link Waits#DOCKER_MACHINE} in production)
   */
  public SshProvisioning(RemoteShellFactory shells, ServerCertIssuer certs, Waits waits) {
    this.shells = Objects.requireNonNull(shells, "shells");
    this.certs = Objects.requireNonNull(certs, "certs");
    this.waits = Objects.requireNonNull(waits, "waits");
  }

  /** Production wiring: native SSH, the store's CA, Docker Machine's waits. */
  public static SshProvisioning standard() {
    return new SshProvisioning(
        new SshShellFactory(Waits.DOCKER_MACHINE), ServerCertIssuer.standard(), Waits.DOCKER_MACHINE);
  }

  /**
   * Fails when the host asks for legacy Swarm, which this implementation does not provision.
   * Called first by {@link #provision}; a front end may call it before creating anything.
   */
  public static void rejectSwarm(SwarmOptions swarm) {
    if (swarm != null && (swarm.isSwarm() || swarm.master() || swarm.agent())) {
      throw new MachineException(
          "Docker Swarm (legacy, --swarm) is not supported; use \"docker swarm init\" on the machine instead");
    }
  }

  @Override
  public void provision(Host host, Progress progress) {
    rejectSwarm(host.hostOptions().swarmOptions());
    try (RemoteShell shell = detecting(() -> connect(host, progress))) {
      HostSetup setup = new HostSetup(shell, host, progress, waits, certs);
      Provisioner provisioner = detecting(setup::detect);
      progress.info("Provisioning with " + provisioner.name() + "...");
      setup.provision(provisioner);
    }
  }

  /** Runs a step of OS detection (Docker Machine's DetectProvisioner): its failures are {@link OsDetectionException}s. */
  private static <T> T detecting(Supplier<T> step) {
    try {
      return step.get();
    } catch (OsDetectionException e) {
      throw e;
    } catch (MachineException e) {
      throw new OsDetectionException(e);
    }
  }

  @Override
  public void waitForDocker(Host host, Progress progress) {
    try (RemoteShell shell = connect(host, progress)) {
      HostSetup setup = new HostSetup(shell, host, progress, waits, certs);
      setup.detect();
      setup.waitForDaemonPort(setup.dockerPort());
    }
  }

  @Override
  public void configureAuth(Host host, Progress progress) {
    try (RemoteShell shell = connect(host, progress)) {
      HostSetup setup = new HostSetup(shell, host, progress, waits, certs);
      setup.detect();
      setup.configureAuth();
    }
  }

  @Override
  public void upgrade(Host host, Progress progress) {
    try (RemoteShell shell = connect(host, progress)) {
      HostSetup setup = new HostSetup(shell, host, progress, waits, certs);
      setup.upgrade(setup.detect());
    }
  }

  private RemoteShell connect(Host host, Progress progress) {
    progress.info("Waiting for SSH to be available...");
    return new HostConnection(shells.open(host, progress), () -> shells.reconnect(host));
  }
}
