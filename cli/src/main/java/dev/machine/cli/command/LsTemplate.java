package dev.machine.cli.command;

import dev.machine.core.list.HostListItem;
import java.util.List;

/** {@code ls --format}: a Go template per row; a {@code table} prefix adds a header row and aligns columns. */
final class LsTemplate {
  private LsTemplate() {}

  static String render(String format, List<HostListItem> items) {
    throw new dev.machine.core.MachineException("ls --format (the template engine) is not available yet");
  }
}
