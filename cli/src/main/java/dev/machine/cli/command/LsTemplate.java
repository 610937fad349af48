package dev.machine.cli.command;

import dev.machine.core.MachineException;
import dev.machine.core.list.HostListItem;
import dev.machine.core.template.TabWriter;
import dev.machine.core.template.Template;
import dev.machine.core.template.TemplateException;
import java.util.List;

/**
 * {@code ls} output (Docker Machine's {@code ls.go}): a Go template per row; a {@code table} prefix
 * adds a header row (the template run on the column names); everything goes through a tab writer.
 */
final class LsTemplate {
  static final String DEFAULT =
      "table {{ .Name }}\\t{{ .Active }}\\t{{ .DriverName}}\\t{{ .State }}\\t{{ .URL }}\\t{{ .Swarm }}\\t{{ .DockerVersion }}\\t{{ .Error}}";
  private static final String TABLE = "table";

  private LsTemplate() {}

  static String render(String format, List<HostListItem> items) {
    boolean table = format.startsWith(TABLE);
    String text = table ? format.substring(TABLE.length()) : format;
    text = strip(text).replace("\\t", "\t").replace("\\n", "\n");
    Template template;
    try {
      template = Template.parse("", text);
    } catch (TemplateException e) {
      // Printed as it is: unlike inspect, Docker Machine's ls adds no prefix to a parse error.
      throw new MachineException(e.getMessage(), e);
    }
    TabWriter w = new TabWriter(5, 1, 3, ' ', 0);
    if (table) {
      w.write(template.execute(HostListItem.headers()));
      w.write("\n");
    }
    for (HostListItem item : items) {
      w.write(template.execute(item.templateData()));
      w.write("\n");
    }
    return w.flush();
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
