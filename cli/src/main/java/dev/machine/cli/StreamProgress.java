package dev.machine.cli;

import dev.machine.core.Progress;
import java.io.PrintStream;

/** Progress lines on one stream (stdout for most commands, stderr for {@code env} and {@code config}). */
final class StreamProgress implements Progress {
  private final PrintStream stream;

  StreamProgress(PrintStream stream) {
    this.stream = stream;
  }

  @Override
  public void info(String message) {
    stream.println(message);
  }

  @Override
  public void warn(String message) {
    stream.println(message);
  }
}
