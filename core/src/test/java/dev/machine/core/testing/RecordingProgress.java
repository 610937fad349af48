package dev.machine.core.testing;

import dev.machine.core.Progress;
import java.util.ArrayList;
import java.util.List;

/** Keeps every progress line, warnings prefixed with {@code WARN }. */
public final class RecordingProgress implements Progress {
  private final List<String> lines = new ArrayList<>();

  /** The lines so far, in order. */
  public List<String> lines() {
    return lines;
  }

  @Override
  public void info(String message) {
    lines.add(message);
  }

  @Override
  public void warn(String message) {
    lines.add("WARN " + message);
  }
}
