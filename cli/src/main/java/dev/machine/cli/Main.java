package dev.machine.cli;

import java.util.List;

/**
 * Entry point of the {@code machine} command. The launcher passes the name the user typed as
 * {@code -Dmachine.argv0}, for messages such as {@code See 'machine --help'}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String argv0 = System.getProperty("machine.argv0", "machine");
    int code = new MachineCli(argv0, System.getenv(), System.out, System.err, System.in).run(List.of(args));
    System.out.flush();
    System.err.flush();
    // Threads still waiting on a slow provider (ls --timeout) must not keep the process alive.
    System.exit(code);
  }
}
