package dev.machine.cli;

import dev.machine.core.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What a command runs with: the process's streams and environment, the global flags, the services. */
public final class CliContext {
  private final String argv0;
  private final List<String> argv;
  private final GlobalOptions globals;
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Services services;
  private BufferedReader reader;

  public CliContext(
      String argv0, List<String> argv, GlobalOptions globals, Map<String, String> env, PrintStream out,
      PrintStream err, InputStream in) {
    this.argv0 = argv0;
    this.argv = List.copyOf(argv);
    this.globals = globals;
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
    this.in = in;
    this.services = new Services(globals, this.env);
  }

  /** argv[0] as the user typed it, e.g. {@code machine} or {@code ./bin/machine}. */
  public String argv0() {
    return argv0;
  }

  /** The program's name in messages: the base name of argv[0]. */
  public String appName() {
    return appName(argv0);
  }

  static String appName(String argv0) {
    int slash = Math.max(argv0.lastIndexOf('/'), argv0.lastIndexOf('\\'));
    return argv0.substring(slash + 1);
  }

  /** The whole command line, argv[0] first (for {@code env}'s usage hint). */
  public List<String> argv() {
    return argv;
  }

  public GlobalOptions globals() {
    return globals;
  }

  public String env(String name) {
    return env.get(name);
  }

  public Map<String, String> environment() {
    return env;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public Services services() {
    return services;
  }

  /** Progress lines on stdout, as Docker Machine's {@code log.Info}. */
  public Progress progress() {
    return new StreamProgress(out);
  }

  /** Progress lines on stderr, for commands whose stdout is read by programs. */
  public Progress progressOnStderr() {
    return new StreamProgress(err);
  }

  /** Asks a question on stdout and reads one line; null at end of input. */
  public String prompt(String question) {
    out.print(question);
    out.flush();
    try {
      if (reader == null) {
        reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
