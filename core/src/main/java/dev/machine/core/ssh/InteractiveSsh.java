package dev.machine.core.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.slf4j.LoggerFactory;

/**
 * {@code machine ssh}: a login shell or one command on a machine, with the user's terminal.
 * Docker Machine's client choice: the system {@code ssh} when it is on the PATH (unless {@code
 * --native-ssh}), else the native client with an {@code xterm} PTY.
 */
public final class InteractiveSsh {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int DEFAULT_COLUMNS = 80;
  private static final int DEFAULT_ROWS = 24;
  /** OpenSSH's exit code when there is no remote status (connection lost, killed by a signal). */
  private static final int NO_STATUS = 255;

  private final Executables executables;
  private final boolean forceNative;
  private final SshEnvironment env;
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final ProcessBuilder.Redirect externalStdin;

  /**
   * The process's own terminal, PATH and credentials.
   *
   * @param forceNative {@code --native-ssh} / {@code MACHINE_NATIVE_SSH}
   */
  public InteractiveSsh(boolean forceNative) {
    this(Executables.system(), forceNative, SshEnvironment.system(), System.in, System.out, System.err,
        System.console() != null, ProcessBuilder.Redirect.INHERIT);
  }

  InteractiveSsh(Executables executables, boolean forceNative, SshEnvironment env, InputStream in,
      PrintStream out, PrintStream err, boolean terminal, ProcessBuilder.Redirect externalStdin) {
    this.executables = executables;
    this.forceNative = forceNative;
    this.env = env;
    this.in = in;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.externalStdin = externalStdin;
  }

  /** True when {@link #run} will use the native client. */
  public boolean usesNative() {
    return forceNative || new ExternalSsh(executables).binary().isEmpty();
  }

  /**
   * Opens a shell ({@code args} empty) or runs {@code args} on the target and returns the remote
   * exit code (255 when there is none). The external client gets {@code args} as separate
   * arguments after {@code -p PORT}; the native one drops a leading {@code --}, as OpenSSH does,
   * and joins the rest with spaces.
   *
   * @throws dev.machine.core.MachineException if the connection or the key check fails
   */
  public int run(SshTarget target, List<String> args) {
    return usesNative() ? runNative(target, args) : runExternal(target, args);
  }

  private int runExternal(SshTarget target, List<String> args) {
    List<String> argv = new ExternalSsh(executables).command(target, args);
    LoggerFactory.getLogger(InteractiveSsh.class).debug("Running external ssh: {}", argv);
    try {
      Process ssh = new ProcessBuilder(argv).inheritIO().redirectInput(externalStdin).start();
      return ssh.waitFor();
    } catch (IOException e) {
      throw new SshException(SshException.Reason.COMMAND, "Error running " + argv.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NO_STATUS;
    }
  }

  private int runNative(SshTarget target, List<String> command) {
    // OpenSSH ends its own options at "--" and drops it; so does the native client, rather than
    // sending "-- ls" to the remote shell (which Docker Machine's native client did).
    List<String> args = !command.isEmpty() && command.get(0).equals("--") ? command.subList(1, command.size()) : command;
    try (SshConnection connection = SshConnection.open(target, CONNECT_TIMEOUT, env);
        Session session = connection.client().startSession()) {
      boolean pty = args.isEmpty() || terminal;
      String rawState = null;
      if (pty) {
        int[] size = terminal ? terminalSize() : new int[] {DEFAULT_ROWS, DEFAULT_COLUMNS};
        session.allocatePTY("xterm", size[1], size[0], 0, 0, Map.of());
        rawState = terminal ? makeRaw() : null;
      }
      try {
        Session.Command channel = args.isEmpty()
            ? (Session.Command) session.startShell() // sshj's session channel is both
            : session.exec(String.join(" ", args));
        Thread stdin = pump(in, channel.getOutputStream(), "ssh-stdin", true);
        Thread stderr = pump(channel.getErrorStream(), err, "ssh-stderr", false);
        copy(channel.getInputStream(), out);
        stderr.join();
        channel.join();
        stdin.interrupt();
        Integer status = channel.getExitStatus();
        return status == null ? NO_STATUS : status;
      } finally {
        if (rawState != null) {
          stty(rawState);
        }
      }
    } catch (IOException e) {
      throw new SshException(
          SshException.Reason.TRANSPORT,
          "Error running SSH on " + target.display() + ": " + SshConnection.describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NO_STATUS;
    }
  }

  private static Thread pump(InputStream from, OutputStream to, String name, boolean closeAtEof) {
    Thread thread = new Thread(() -> {
      try {
        copy(from, to);
        if (closeAtEof) {
          to.close(); // EOF to the remote side
        }
      } catch (IOException e) {
        // The channel closed first: the remote side is done.
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void copy(InputStream from, OutputStream to) throws IOException {
    byte[] buffer = new byte[8192];
    int n;
    while ((n = from.read(buffer)) >= 0) {
      to.write(buffer, 0, n);
      to.flush();
    }
  }

  /** {rows, columns} from {@code stty size}, or 24x80. */
  private static int[] terminalSize() {
    String size = stty("size");
    if (size != null) {
      String[] parts = size.strip().split("\\s+");
      try {
        if (parts.length == 2) {
          return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        }
      } catch (NumberFormatException e) {
        // fall through to the default
      }
    }
    return new int[] {DEFAULT_ROWS, DEFAULT_COLUMNS};
  }

  /** Puts the terminal in raw mode (keys go to the remote PTY as typed); returns the old state. */
  private static String makeRaw() {
    String saved = stty("-g");
    if (saved == null || stty("raw -echo") == null) {
      return null;
    }
    return saved.strip();
  }

  /** Runs {@code stty ARGS} on the controlling terminal; its output, or null if it failed. */
  private static String stty(String arguments) {
    try {
      Process p = new ProcessBuilder("sh", "-c", "stty " + arguments + " < /dev/tty")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? output : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
