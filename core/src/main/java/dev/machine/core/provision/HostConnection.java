package dev.machine.core.provision;

import dev.machine.core.ssh.CommandResult;
import dev.machine.core.ssh.RemoteShell;
import dev.machine.core.ssh.SshException;
import java.util.function.Supplier;

/**
 * The connection of one provisioning run, replaced when the host drops it (a reboot, sshd
 * restarting): a command on a dropped connection still fails, and the next one dials anew. Only
 * waits retry a failed command (see {@link HostSetup}); nothing else is run twice.
 */
final class HostConnection implements RemoteShell {
  private final Supplier<RemoteShell> reconnect;
  private RemoteShell current;

  /**
   * @param first the open connection
   * @param reconnect dials once; throws {@link SshException} when the host does not answer
   */
  HostConnection(RemoteShell first, Supplier<RemoteShell> reconnect) {
    this.current = first;
    this.reconnect = reconnect;
  }

  @Override
  public CommandResult run(String command) {
    RemoteShell shell = connected();
    try {
      return shell.run(command);
    } catch (SshException e) {
      dropIfLost(e);
      throw e;
    }
  }

  @Override
  public void writeFile(String remotePath, byte[] content, int mode) {
    RemoteShell shell = connected();
    try {
      shell.writeFile(remotePath, content, mode);
    } catch (SshException e) {
      dropIfLost(e);
      throw e;
    }
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  private RemoteShell connected() {
    if (current == null) {
      current = reconnect.get();
    }
    return current;
  }

  /** A transport failure means the connection is gone: close it so the next command dials anew. */
  private void dropIfLost(SshException e) {
    if (e.reason() == SshException.Reason.TRANSPORT) {
      close();
    }
  }
}
