package dev.machine.it.testbed;

/**
 * The outcome of a command run on a test host (or by a testbed script).
 *
 * @param exitCode the command's exit status (255 is ssh's own failure)
 * @param stdout what it printed on stdout
 * @param stderr what it printed on stderr
 */
public record ExecResult(int exitCode, String stdout, String stderr) {

  public boolean ok() {
    return exitCode == 0;
  }

  /** Returns this result, or throws with the command's output when it failed. */
  public ExecResult orThrow(String what) {
    if (!ok()) {
      throw new IllegalStateException(
          what + " failed with exit code " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
    }
    return this;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + ", stdout: " + stdout.strip() + ", stderr: " + stderr.strip();
  }
}
