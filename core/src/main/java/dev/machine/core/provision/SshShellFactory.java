package dev.machine.core.provision;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Driver;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.Host;
import dev.machine.core.ssh.RemoteShell;
import dev.machine.core.ssh.SshConnection;
import dev.machine.core.ssh.SshException;
import dev.machine.core.ssh.SshTarget;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the native SSH connection to a host's driver address, retrying until SSH answers
 * (Docker Machine's {@code WaitForSSH}). The host key is pinned in the machine directory's
 * {@code known_hosts}.
 */
public final class SshShellFactory implements RemoteShellFactory {
  /** Docker Machine's external ssh uses {@code ConnectTimeout=10}. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final Waits waits;

  public SshShellFactory(Waits waits) {
    this.waits = waits;
  }

  /** The SSH target of {@code host}: its driver's address, port, user and key. */
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
    SshTarget target = target(host);
    SshException[] last = new SshException[1];
    RemoteShell[] shell = new RemoteShell[1];
    boolean connected =
        Waits.poll(
            waits.attempts(),
            waits.interval(),
            () -> {
              try {
                shell[0] = SshConnection.open(target, CONNECT_TIMEOUT);
                return true;
              } catch (SshException e) {
                // A changed host key or an unreadable key file will not fix itself.
                if (e.reason() == SshException.Reason.HOST_KEY_CHANGED
                    || e.reason() == SshException.Reason.KEY_FILE) {
                  throw e;
                }
                last[0] = e;
                return false;
              }
            });
    if (!connected) {
      throw new MachineException(
          "Too many retries waiting for SSH to be available.  Last error: "
              + (last[0] == null ? Waits.retriesExceeded(waits.attempts()) : last[0].getMessage()),
          last[0]);
    }
    return shell[0];
  }
}
