package dev.machine.it.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One test host booted with {@code integration-tests/testbed/host.sh} (a Debian root in its own
 * namespaces with sshd and dockerd, at a 10.200.x address). Stopped by {@link #close()}.
 */
final class ScriptedTestHost implements AutoCloseable {
  private final Path script;
  private final Path workdir;
  final String name;
  final String ip;

  private ScriptedTestHost(Path script, Path workdir, String name, String ip) {
    this.script = script;
    this.workdir = workdir;
    this.name = name;
    this.ip = ip;
  }

  /** The testbed directory, or null when this machine cannot run test hosts. */
  static Path testbed() {
    Path dir = Path.of(System.getProperty("machine.testbed", "testbed")).toAbsolutePath();
    return Files.isRegularFile(dir.resolve("host.sh")) ? dir : null;
  }

  static ScriptedTestHost boot(Path testbed, Path workdir, String name, String ip, String gateway, Path publicKey)
      throws IOException, InterruptedException {
    Path script = testbed.resolve("host.sh");
    run(script, List.of("boot", name, ip + "/24", gateway, publicKey.toString(), "--workdir", workdir.toString()));
    return new ScriptedTestHost(script, workdir, name, ip);
  }

  /** Runs {@code command} as root inside the host (no SSH) and returns its stdout. */
  String exec(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("exec", name, "--workdir", workdir.toString(), "--"));
    args.addAll(List.of(command));
    return run(script, args);
  }

  /** The host's console (sshd's log, among others). */
  String console() throws IOException {
    for (String line : Files.readAllLines(workdir.resolve(name + ".state"))) {
      if (line.startsWith("DIR=")) {
        return Files.readString(Path.of(line.substring(4)).resolve("console.log"));
      }
    }
    throw new IOException("no DIR in the state of " + name);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(script, List.of("stop", name, "--workdir", workdir.toString()));
  }

  private static String run(Path script, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IOException("exit " + p.exitValue() + ": " + command + "\n" + out);
    }
    return out;
  }
}
