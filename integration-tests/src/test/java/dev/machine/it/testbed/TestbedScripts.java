package dev.machine.it.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shell scripts of {@code integration-tests/testbed} (and other commands) as processes
 * with a bounded wait. Their directory comes from the {@code machine.testbed} system property,
 * which failsafe sets to {@code ${project.basedir}/testbed}.
 */
final class TestbedScripts {

  static final String PROPERTY = "machine.testbed";

  private final Path dir;

  private TestbedScripts(Path dir) {
    this.dir = dir;
  }

  /** Locates the scripts, failing with a message that says how to fix the setup. */
  static TestbedScripts locate() {
    String configured = System.getProperty(PROPERTY);
    Path dir;
    if (configured != null && !configured.isBlank()) {
      dir = Paths.get(configured);
    } else {
      // Run from an IDE with the module as working directory.
      dir = Paths.get("testbed").toAbsolutePath();
    }
    if (!Files.isExecutable(dir.resolve("host.sh"))) {
      throw new IllegalStateException(
          "Testbed scripts not found at "
              + dir
              + ": set -D"
              + PROPERTY
              + "=<repo>/integration-tests/testbed (failsafe does this from integration-tests/pom.xml)");
    }
    return new TestbedScripts(dir.toAbsolutePath());
  }

  Path dir() {
    return dir;
  }

  Path script(String name) {
    return dir.resolve(name);
  }

  /** The busybox root tarball built by build-rootfs.sh, for {@code docker import}. */
  Path busyboxTarball() {
    return dir.resolve("cache").resolve("busybox.tar");
  }

  /** Runs {@code script args...}; stderr is also copied to this JVM's stderr (progress lines). */
  ExecResult runScript(String script, List<String> args, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(script(script).toString());
    command.addAll(args);
    ExecResult result = run(command, null, timeout);
    if (!result.stderr().isEmpty()) {
      System.err.print(result.stderr());
    }
    return result;
  }

  /** Runs a command with stdin from {@code stdin} (or nothing), waiting at most {@code timeout}. */
  static ExecResult run(List<String> command, Path stdin, Duration timeout) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("testbed-out", ".txt");
      err = Files.createTempFile("testbed-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(
                  stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                      : ProcessBuilder.Redirect.from(stdin.toFile()));
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "Timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                + "\nstderr so far: " + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new ExecResult(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file; the OS cleans /tmp
      }
    }
  }
}
