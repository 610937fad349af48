package dev.machine.core.provision;

import dev.machine.core.Progress;
import dev.machine.core.host.Host;
import dev.machine.core.ssh.RemoteShell;

/** Opens the one SSH connection a provisioning run uses. */
@FunctionalInterface
public interface RemoteShellFactory {
  /**
   * Connects to {@code host} as its driver's SSH user, key and port, waiting until SSH answers
   * (Docker Machine's {@code WaitForSSH}); fails with a {@link dev.machine.core.MachineException}.
   */
  RemoteShell open(Host host, Progress progress);

  /**
   * Dials {@code host} once more, without waiting, after the host dropped the connection; a wait
   * calls it between its attempts. Fails with a {@link dev.machine.core.ssh.SshException}. By
   * default, as {@link #open} without progress.
   */
  default RemoteShell reconnect(Host host) {
    return open(host, Progress.SILENT);
  }
}
