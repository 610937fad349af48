package dev.machine.core.provision;

import dev.machine.core.Progress;
import dev.machine.core.driver.Driver;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.Host;
import dev.machine.core.ssh.RemoteShell;
import dev.machine.core.ssh.SshConnection;
import dev.machine.core.ssh.SshTarget;
import dev.machine.core.ssh.SshWait;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the native SSH connection to a host's driver address once SSH answers (Docker Machine's
 * {@code WaitForSSH}, via {@link SshWait}). The host key is pinned in the machine directory's
 * {@code known_hosts}.
 */
public final class SshShellFactory implements RemoteShellFactory {
  private final SshWait wait;
  private final Duration connectTimeout = SshWait.DEFAULT_CONNECT_TIMEOUT;

  public SshShellFactory(Waits waits) {
    this.wait = new SshWait(waits.attempts(), waits.interval(), connectTimeout);
  }

  /** The SSH target of {@code host}: its driver's address, port, user and key, pinned per machine. */
  public static SshTarget target(Host host) {
    Driver d = host.driver();
    AuthOptions auth = host.hostOptions().authOptions();
    Path knownHosts =
        auth == null || auth.storePath() == null || auth.storePath().isEmpty()
            ? null
            : Path.of(auth.storePath()).resolve("known_hosts");
    return new SshTarget(d.sshHostname(), d.sshPort(), d.sshUsername(), d.sshKeyPath(), knownHosts);
  }

  @Override
  public RemoteShell open(Host host, Progress progress) {
    return wait.waitFor(target(host));
  }

  /** One connection attempt, pinned like the first. */
  @Override
  public RemoteShell reconnect(Host host) {
    return SshConnection.open(target(host), connectTimeout);
  }
}
