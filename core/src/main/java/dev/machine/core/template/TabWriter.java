package dev.machine.core.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter: aligns tab-terminated cells into columns. Text is collected with
 * {@link #write} and laid out by {@link #flush}, which returns it.
 *
 * <p>Go's rules apply: a cell is text terminated by '\t' (or '\v'); the text after the last tab
 * of a line is not a cell of any column and is never padded. A column block is a run of
 * consecutive lines that all have a cell in that column; its width is the widest cell in the
 * block (in runes) plus {@code padding}, at least {@code minWidth}. A '\f' ends all blocks.
 * Docker Machine's {@code ls} uses {@code new TabWriter(5, 1, 3, ' ', 0)}.
 *
 * <p>Supported flags: {@link #ALIGN_RIGHT}, {@link #DISCARD_EMPTY_COLUMNS}, {@link #TAB_INDENT}
 * and {@link #DEBUG}. Go's FilterHTML and StripEscape (escaped text) are not supported.
 */
public final class TabWriter {
  /** Right-align cell contents (Go's AlignRight). */
  public static final int ALIGN_RIGHT = 4;
  /** Drop columns whose cells are all empty (Go's DiscardEmptyColumns). */
  public static final int DISCARD_EMPTY_COLUMNS = 8;
  /** Pad leading empty cells with tabs (Go's TabIndent). */
  public static final int TAB_INDENT = 16;
  /** Print '|' between columns (Go's Debug). */
  public static final int DEBUG = 32;

  private final int minWidth;
  private final int tabWidth;
  private final int padding;
  private final char padChar;
  private final int flags;
  private final StringBuilder pending = new StringBuilder();

  private record Cell(String text, int width, boolean htab) {}

  /**
   * @param minWidth minimal cell width including any padding
   * @param tabWidth width of a tab, for tab padding
   * @param padding added to a cell's width
   * @param padChar the padding character; '\t' pads with tabs and forces left alignment
   * @param flags a combination of this class's flag constants
   */
  public TabWriter(int minWidth, int tabWidth, int padding, char padChar, int flags) {
    if (minWidth < 0 || tabWidth < 0 || padding < 0) {
      throw new IllegalArgumentException("negative minWidth, tabWidth or padding");
    }
    this.minWidth = minWidth;
    this.tabWidth = tabWidth;
    this.padding = padding;
    this.padChar = padChar;
    this.flags = padChar == '\t' ? flags & ~ALIGN_RIGHT : flags;
  }

  /** Adds text; nothing is laid out until {@link #flush}. */
  public void write(String text) {
    pending.append(text);
  }

  /** Lays out everything written since the last flush and returns it. */
  public String flush() {
    String text = pending.toString();
    pending.setLength(0);
    StringBuilder out = new StringBuilder();
    // '\f' ends every column block: lay out each section on its own.
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\f') {
        format(splitCells(text.substring(start, i)), out);
        out.append((flags & DEBUG) != 0 ? "---\n" : "\n");
        start = i + 1;
      }
    }
    format(splitCells(text.substring(start)), out);
    return out.toString();
  }

  /** Lines of cells; the last cell of each line is the text after its last tab. */
  private static List<List<Cell>> splitCells(String text) {
    List<List<Cell>> lines = new ArrayList<>();
    List<Cell> line = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t' || c == '\u000b' || c == '\n') {
        String s = cell.toString();
        line.add(new Cell(s, s.codePointCount(0, s.length()), c == '\t'));
        cell.setLength(0);
        if (c == '\n') {
          lines.add(line);
          line = new ArrayList<>();
        }
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0) {
      String s = cell.toString();
      line.add(new Cell(s, s.codePointCount(0, s.length()), false));
    }
    lines.add(line);
    return lines;
  }

  private void format(List<List<Cell>> lines, StringBuilder out) {
    format(lines, 0, lines.size(), new ArrayList<>(), out);
  }

  /** Go's recursive layout: finds the column blocks of lines [line0, line1) at column widths.size(). */
  private void format(List<List<Cell>> lines, int line0, int line1, List<Integer> widths, StringBuilder out) {
    int column = widths.size();
    for (int i = line0; i < line1; i++) {
      if (column >= lines.get(i).size() - 1) {
        continue;
      }
      // This line has a cell in this column: print the lines above, then measure the block.
      writeLines(lines, line0, i, widths, out);
      line0 = i;
      int width = minWidth;
      boolean discardable = true;
      for (; i < line1; i++) {
        List<Cell> line = lines.get(i);
        if (column >= line.size() - 1) {
          break;
        }
        Cell c = line.get(column);
        width = Math.max(width, c.width() + padding);
        if (c.width() > 0 || c.htab()) {
          discardable = false;
        }
      }
      if (discardable && (flags & DISCARD_EMPTY_COLUMNS) != 0) {
        width = 0;
      }
      widths.add(width);
      format(lines, line0, i, widths, out);
      widths.remove(widths.size() - 1);
      line0 = i;
      i--;
    }
    writeLines(lines, line0, line1, widths, out);
  }

  private void writeLines(List<List<Cell>> lines, int line0, int line1, List<Integer> widths, StringBuilder out) {
    for (int i = line0; i < line1; i++) {
      List<Cell> line = lines.get(i);
      boolean useTabs = (flags & TAB_INDENT) != 0;
      for (int j = 0; j < line.size(); j++) {
        Cell c = line.get(j);
        if (j > 0 && (flags & DEBUG) != 0) {
          out.append('|');
        }
        if (c.text().isEmpty()) {
          if (j < widths.size()) {
            writePadding(c.width(), widths.get(j), useTabs, out);
          }
        } else {
          useTabs = false;
          if ((flags & ALIGN_RIGHT) == 0) {
            out.append(c.text());
            if (j < widths.size()) {
              writePadding(c.width(), widths.get(j), false, out);
            }
          } else {
            if (j < widths.size()) {
              writePadding(c.width(), widths.get(j), false, out);
            }
            out.append(c.text());
          }
        }
      }
      // The last line is the text after the final newline: it gets no newline of its own.
      if (i + 1 < lines.size()) {
        out.append('\n');
      }
    }
  }

  private void writePadding(int textWidth, int cellWidth, boolean useTabs, StringBuilder out) {
    if (padChar == '\t' || useTabs) {
      if (tabWidth == 0) {
        return;
      }
      int rounded = (cellWidth + tabWidth - 1) / tabWidth * tabWidth;
      int n = rounded - textWidth;
      out.append("\t".repeat((n + tabWidth - 1) / tabWidth));
      return;
    }
    out.append(String.valueOf(padChar).repeat(cellWidth - textWidth));
  }
}
