package dev.machine.core.provision;

import dev.machine.core.ssh.CommandResult;
import dev.machine.core.ssh.RemoteShell;
import dev.machine.core.ssh.SshException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link RemoteShell} that records every command and upload, and answers commands from a list
 * of rules (first match wins; unmatched commands succeed with no output).
 */
public final class RecordingShell implements RemoteShell {
  /** A recorded command or upload, in the order they happened. */
  public sealed interface Event permits Command, Upload {}

  public record Command(String command) implements Event {}

  public record Upload(String path, byte[] content, int mode) implements Event {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "upload " + path + " mode " + Integer.toOctalString(mode);
    }
  }

  private record Rule(Predicate<String> matches, Function<String, CommandResult> answer) {}

  private final List<Rule> rules = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private final java.util.Set<String> failingUploads = new java.util.HashSet<>();
  private final List<java.util.function.Consumer<Upload>> uploadListeners = new ArrayList<>();
  private boolean closed;

  /** Answers commands equal to {@code command}. */
  public RecordingShell answer(String command, int exitCode, String output) {
    return answer(command::equals, c -> new CommandResult(exitCode, output));
  }

  public RecordingShell answer(Predicate<String> matches, Function<String, CommandResult> answer) {
    rules.add(new Rule(matches, answer));
    return this;
  }

  @Override
  public CommandResult run(String command) {
    if (closed) {
      throw new IllegalStateException("shell closed");
    }
    events.add(new Command(command));
    for (Rule rule : rules) {
      if (rule.matches().test(command)) {
        return rule.answer().apply(command);
      }
    }
    return new CommandResult(0, "");
  }

  @Override
  public void writeFile(String remotePath, byte[] content, int mode) {
    if (closed) {
      throw new IllegalStateException("shell closed");
    }
    if (failingUploads.contains(remotePath)) {
      throw new SshException(SshException.Reason.COMMAND, "Error writing " + remotePath + ": disk full");
    }
    Upload upload = new Upload(remotePath, content.clone(), mode);
    events.add(upload);
    uploadListeners.forEach(l -> l.accept(upload));
  }

  /** Calls {@code listener} after each successful upload (a fake host keeps its files this way). */
  public RecordingShell onUpload(java.util.function.Consumer<Upload> listener) {
    uploadListeners.add(listener);
    return this;
  }

  /** Makes uploads to {@code remotePath} fail (with an {@link SshException}, as SshConnection's). */
  public RecordingShell failUpload(String remotePath) {
    failingUploads.add(remotePath);
    return this;
  }

  @Override
  public void close() {
    closed = true;
  }

  public boolean closed() {
    return closed;
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  /** Commands as strings, uploads as {@code upload <path> mode <octal>}. */
  public List<String> transcript() {
    return events.stream()
        .map(e -> e instanceof Command c ? c.command() : e.toString())
        .toList();
  }

  public List<String> commands() {
    return events.stream().filter(Command.class::isInstance).map(e -> ((Command) e).command()).toList();
  }

  public List<Upload> uploads() {
    return events.stream().filter(Upload.class::isInstance).map(Upload.class::cast).toList();
  }

  public Upload upload(String path) {
    return uploads().stream()
        .filter(u -> u.path().equals(path))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no upload to " + path + " in " + transcript()));
  }
}
