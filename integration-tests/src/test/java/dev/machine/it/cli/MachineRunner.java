package dev.machine.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built launcher ({@code cli/target/machine}, system property {@code machine.launcher})
 * as a separate process against one store ({@code -s DIR}), as a user would.
 */
public final class MachineRunner {
  /** What a run printed and returned. */
  public record Result(int code, String out, String err) {
    /** Asserts the exit code, showing both streams when it differs. */
    public Result exits(int expected) {
      assertThat(code).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(expected);
      return this;
    }
  }

  private final Path store;
  private final Map<String, String> env = new HashMap<>();
  private final Set<String> unset = new HashSet<>();

  /**
   * A runner whose processes see a user's login environment: their own {@code HOME} under the
   * store and {@code SHELL=/bin/bash}. The shell is set rather than inherited because CI may run
   * with no {@code SHELL} at all, and {@code env} without {@code --shell} then fails, as Docker
   * Machine's does.
   */
  public MachineRunner(Path store) {
    this.store = store;
    env.put("HOME", store.resolve("home").toString());
    env.put("SHELL", "/bin/bash");
  }

  public static Path launcher() {
    String path = System.getProperty("machine.launcher");
    assertThat(path).as("system property machine.launcher").isNotNull();
    Path launcher = Path.of(path);
    assertThat(launcher).as("the built launcher; run mvn package first").isExecutable();
    return launcher;
  }

  public Path store() {
    return store;
  }

  /** Sets an environment variable for later runs (null unsets it, even if this JVM has it). */
  public MachineRunner env(String name, String value) {
    if (value == null) {
      env.remove(name);
      unset.add(name);
    } else {
      env.put(name, value);
      unset.remove(name);
    }
    return this;
  }

  public Result run(String... args) {
    return runWithInput("", args);
  }

  /** Runs {@code machine -s STORE args...} with {@code input} on stdin. */
  public Result runWithInput(String input, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(launcher().toString());
    argv.add("-s");
    argv.add(store.toString());
    argv.addAll(List.of(args));
    return exec(argv, input);
  }

  /** Runs {@code bash -c script} with this runner's environment and {@code machine} on the PATH. */
  public Result bash(String script) {
    return exec(List.of("bash", "-c", script), "");
  }

  /**
   * Starts {@code machine -s STORE args...} and returns at once, stdout and stderr both going to
   * {@code log}; the process's pid is the JVM's (the launcher execs it). SIGINT is set back to its
   * default action first (coreutils' {@code env --default-signal}), as a terminal has it: a test
   * run from a background job inherits SIGINT ignored, and could then not send a Ctrl-C.
   */
  public Process start(Path log, String... args) {
    List<String> argv = new ArrayList<>(List.of("env", "--default-signal=INT", launcher().toString(), "-s", store.toString()));
    argv.addAll(List.of(args));
    ProcessBuilder pb = processBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      Files.createDirectories(store.resolve("home"));
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder processBuilder(List<String> argv) {
    ProcessBuilder pb = new ProcessBuilder(argv);
    Map<String, String> penv = pb.environment();
    penv.keySet().removeIf(k -> k.startsWith("MACHINE_") || k.startsWith("DOCKER_"));
    penv.keySet().removeAll(unset);
    penv.putAll(env);
    penv.put("PATH", launcher().getParent() + ":" + System.getenv("PATH"));
    return pb;
  }

  private Result exec(List<String> argv, String input) {
    ProcessBuilder pb = processBuilder(argv);
    try {
      Files.createDirectories(store.resolve("home"));
      Process p = pb.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (OutputStream in = p.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // The command did not read its input.
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + argv);
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "machine-output");
            t.setDaemon(true);
            return t;
          });

  private static CompletableFuture<String> drain(InputStream stream) {
    // Own threads: the common pool has one thread on two cores, and these reads block.
    return CompletableFuture.supplyAsync(
        () -> {
          try (InputStream s = stream) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            s.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        READERS);
  }
}
