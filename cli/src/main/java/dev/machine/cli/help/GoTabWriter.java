package dev.machine.cli.help;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} for whole texts: tab-terminated cells of consecutive lines form
 * aligned columns. Padding with {@code '\t'} writes tabs to the next tab stop, as Docker Machine's
 * help does ({@code minwidth 0, tabwidth 8, padding 1, '\t'}).
 */
public final class GoTabWriter {
  private final int minWidth;
  private final int tabWidth;
  private final int padding;
  private final char padChar;

  private List<List<String>> lines;
  private final List<Integer> widths = new ArrayList<>();
  private StringBuilder out;

  public GoTabWriter(int minWidth, int tabWidth, int padding, char padChar) {
    this.minWidth = minWidth;
    this.tabWidth = tabWidth;
    this.padding = padding;
    this.padChar = padChar;
  }

  /** Docker Machine's help layout. */
  public static GoTabWriter forHelp() {
    return new GoTabWriter(0, 8, 1, '\t');
  }

  public synchronized String format(String text) {
    lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      List<String> cells = new ArrayList<>(List.of(line.split("\t", -1)));
      lines.add(cells);
    }
    out = new StringBuilder(text.length() + 64);
    widths.clear();
    format(0, lines.size(), 0);
    return out.toString();
  }

  private void format(int line0, int line1, int column) {
    int start = line0;
    for (int i = line0; i < line1; i++) {
      List<String> line = lines.get(i);
      if (column >= line.size() - 1) {
        continue;
      }
      // A column block starts here: it runs over consecutive lines that have a cell in this column.
      writeLines(start, i);
      start = i;
      int width = minWidth;
      for (; i < line1; i++) {
        line = lines.get(i);
        if (column >= line.size() - 1) {
          break;
        }
        width = Math.max(width, line.get(column).codePointCount(0, line.get(column).length()) + padding);
      }
      widths.add(width);
      format(start, i, column + 1);
      widths.remove(widths.size() - 1);
      start = i;
      i--; // the for loop's i++ moves on to the line that ended the block
    }
    writeLines(start, line1);
  }

  private void writeLines(int line0, int line1) {
    for (int i = line0; i < line1; i++) {
      List<String> line = lines.get(i);
      for (int j = 0; j < line.size(); j++) {
        String cell = line.get(j);
        out.append(cell);
        if (j < widths.size() && j < line.size() - 1) {
          pad(cell.codePointCount(0, cell.length()), widths.get(j));
        }
      }
      if (i + 1 < lines.size()) {
        out.append('\n');
      }
    }
  }

  private void pad(int textWidth, int cellWidth) {
    if (padChar == '\t') {
      int cw = (cellWidth + tabWidth - 1) / tabWidth * tabWidth;
      int n = cw - textWidth;
      out.append("\t".repeat((n + tabWidth - 1) / tabWidth));
      return;
    }
    out.append(String.valueOf(padChar).repeat(Math.max(0, cellWidth - textWidth)));
  }
}
