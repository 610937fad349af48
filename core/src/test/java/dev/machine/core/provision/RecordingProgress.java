package dev.machine.core.provision;

import dev.machine.core.Progress;
import java.util.ArrayList;
import java.util.List;

/** Keeps every progress line, warnings prefixed with {@code WARN }. */
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
