package dev.machine.core.ssh;

/**
 * Commands and files on a remote host over one SSH connection. Provisioners talk to hosts only
 * through this interface, so their command sequences can be recorded in unit tests.
 */
public interface RemoteShell extends AutoCloseable {
  /** Runs {@code command} through the remote user's shell; a non-zero exit is returned, not thrown. */
  CommandResult run(String command);

  /**
   * Writes {@code content} to {@code remotePath} with {@code mode} (e.g. 0644), as root (through
   * sudo when the SSH user is not root), without passing the content through a shell.
   */
  void writeFile(String remotePath, byte[] content, int mode);

  @Override
  void close();
}
