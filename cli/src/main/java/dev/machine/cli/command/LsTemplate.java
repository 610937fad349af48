package dev.machine.cli.command;

import dev.machine.core.MachineException;
import dev.machine.core.list.HostListItem;
import dev.machine.core.template.TabWriter;
import dev.machine.core.template.Template;
import dev.machine.core.template.TemplateException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ls} output (Docker Machine's {@code ls.go}): a Go template per row, run on the row
 * ({@link HostListItem}, Go's struct); a {@code table} prefix adds a header row (the template run
 * on the column names); everything goes through a tab writer.
 */
final class LsTemplate {
  static final String DEFAULT =
      "table {{ .Name }}\\t{{ .Active }}\\t{{ .DriverName}}\\t{{ .State }}\\t{{ .URL }}\\t{{ .Swarm }}\\t{{ .DockerVersion }}\\t{{ .Error}}";
  private static final String TABLE = "table";

  private final Template template;
  private final boolean table;

  private LsTemplate(Template template, boolean table) {
    this.template = template;
    this.table = table;
  }

  /** Parses a {@code --format} (before any state is fetched, as Docker Machine does). */
  static LsTemplate parse(String format) {
    boolean table = format.startsWith(TABLE);
    String text = table ? format.substring(TABLE.length()) : format;
    text = strip(text).replace("\\t", "\t").replace("\\n", "\n");
    try {
      return new LsTemplate(Template.parse("", text), table);
    } catch (TemplateException e) {
      // Printed as it is: unlike inspect, Docker Machine's ls adds no prefix to a parse error.
      throw new MachineException(e.getMessage(), e);
    }
  }

  /**
   * Prints the rows on {@code out}. A row the template fails on ends the output: what came before
   * it is printed (the header too), as Docker Machine's deferred flush prints it, and the error is
   * thrown.
   */
  void render(List<HostListItem> items, PrintStream out) {
    TabWriter w = new TabWriter(5, 1, 3, ' ', 0);
    try {
      if (table) {
        w.write(template.execute(HostListItem.headers()));
        w.write("\n");
      }
      for (HostListItem item : items) {
        w.write(template.execute(item));
        w.write("\n");
      }
    } finally {
      out.print(w.flush());
    }
  }

  /** Go's {@code strings.Trim(s, " ")}: spaces only. */
  private static String strip(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && s.charAt(b) == ' ') {
      b++;
    }
    while (e > b && s.charAt(e - 1) == ' ') {
      e--;
    }
    return s.substring(b, e);
  }
}
