package dev.machine.core.provision;

import dev.machine.core.Progress;
import dev.machine.core.host.Host;

/**
 * Everything the lifecycle asks of a host over SSH. Implemented by the SSH provisioner; the
 * lifecycle ({@code create}, {@code start}, {@code restart}, {@code provision}, ...) depends only
 * on this interface.
 */
public interface Provisioning {
  /**
   * Waits for SSH, detects the OS, and installs and configures Docker with the host's options
   * (Docker Machine's DetectProvisioner + Provision), ending with the daemon listening with TLS.
   * Progress lines: {@code Waiting for SSH to be available...}, {@code Detecting the provisioner...},
   * {@code Provisioning with <os>...}, ...
   *
   * @throws OsDetectionException when SSH, {@code /etc/os-release} or the OS itself fails detection
   */
  void provision(Host host, Progress progress);

  /** Waits for SSH and for the daemon to listen on its port (after start/restart). */
  void waitForDocker(Host host, Progress progress);

  /** Regenerates the server certificate and reconfigures the daemon ({@code regenerate-certs}). */
  void configureAuth(Host host, Progress progress);

  /** Upgrades Docker on the host ({@code upgrade}). */
  void upgrade(Host host, Progress progress);
}
