package dev.machine.core.cert;

import dev.machine.core.Progress;
import java.util.ArrayList;
import java.util.List;

/** Keeps the progress lines a user would have seen. */
final class RecordingProgress implements Progress {
  final List<String> lines = new ArrayList<>();

  @Override
  public void info(String message) {
    lines.add(message);
  }

  @Override
  public void warn(String message) {
    lines.add("WARN " + message);
  }
}
