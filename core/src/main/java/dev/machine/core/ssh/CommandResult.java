package dev.machine.core.ssh;

/**
 * The outcome of a remote command.
 *
 * @param exitCode the remote exit status
 * @param output stdout and stderr, combined
 */
public record CommandResult(int exitCode, String output) {
  public boolean ok() {
    return exitCode == 0;
  }
}
