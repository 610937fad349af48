package dev.machine.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's text/tabwriter layout, with outputs worked out by hand from Go's algorithm. */
class TabWriterTest {
  static String layout(TabWriter w, String text) {
    w.write(text);
    return w.flush();
  }

  /** Docker Machine's ls writer: tabwriter.NewWriter(w, 5, 1, 3, ' ', 0). */
  static TabWriter lsWriter() {
    return new TabWriter(5, 1, 3, ' ', 0);
  }

  @Test
  void laysOutDockerMachineLsTableAsVerified() {
    String text =
        "NAME\tACTIVE\tDRIVER\tSTATE\tURL\tSWARM\tDOCKER\tERRORS\n"
            + "broken\t\tnot found\tError\t\t\t\tError getting migrated host: invalid character 'b'\n"
            + "dev\t-\tnone\tRunning\ttcp://10.0.0.5:2376\t\tUnknown\tUnable to query docker version\n"
            + "loc\t*\tnone\tRunning\ttcp://127.0.0.1:23760\t\tv19.03.1\t\n";
    // Columns: widest cell + 3, at least 5; the ERRORS cell ends each line and is never padded,
    // so "v19.03.1" keeps its padding before the empty last cell.
    String expected =
        "NAME     ACTIVE   DRIVER      STATE     URL                     SWARM   DOCKER     ERRORS\n"
            + "broken            not found   Error                                                "
            + "Error getting migrated host: invalid character 'b'\n"
            + "dev      -        none        Running   tcp://10.0.0.5:2376             Unknown    "
            + "Unable to query docker version\n"
            + "loc      *        none        Running   tcp://127.0.0.1:23760           v19.03.1   \n";
    assertThat(layout(lsWriter(), text)).isEqualTo(expected);
  }

  @Test
  void padsShortColumnsToMinWidth() {
    assertThat(layout(lsWriter(), "a\tb\tc\n")).isEqualTo("a    b    c\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void followsGoColumnBlocks(String name, String input, String expected) {
    assertThat(layout(new TabWriter(0, 8, 1, '.', 0), input)).isEqualTo(expected);
  }

  static Stream<Arguments> followsGoColumnBlocks() {
    return Stream.of(
        Arguments.of("empty", "", ""),
        Arguments.of("no tabs", "hello\nworld\n", "hello\nworld\n"),
        Arguments.of("trailing text without newline", "a\tb", "a.b"),
        Arguments.of("one column", "a\tx\nbbb\ty\n", "a...x\nbbb.y\n"),
        // A line without the column ends the block: widths restart below it.
        Arguments.of("block broken by a short line", "aaaa\tx\nplain\nb\ty\n", "aaaa.x\nplain\nb.y\n"),
        // Column 1 only exists on lines 1-2; line 3's last cell is not part of it.
        Arguments.of(
            "nested blocks",
            "a\tb\tc\naa\tbbbb\tc\naaa\tlast\n",
            "a...b....c\naa..bbbb.c\naaa.last\n"),
        Arguments.of("empty cells", "\t\tx\nab\t\ty\n", "....x\nab..y\n"),
        Arguments.of("unicode counts runes", "é\tx\nab\ty\n", "é..x\nab.y\n"));
  }

  @Test
  void alignsRight() {
    assertThat(layout(new TabWriter(0, 8, 1, ' ', TabWriter.ALIGN_RIGHT), "a\tbbb\tc\naa\tb\tc\n"))
        // Go puts the padding before right-aligned text, so "bbb" touches the unpadded last cell.
        .isEqualTo("  a bbbc\n aa   bc\n");
  }

  @Test
  void padsWithTabs() {
    // Tab padding rounds the cell width up to a multiple of tabwidth and writes tabs.
    assertThat(layout(new TabWriter(0, 8, 1, '\t', 0), "a\tb\nabcdefgh\tc\n"))
        .isEqualTo("a\t\tb\nabcdefgh\tc\n");
  }

  @Test
  void discardsEmptyColumnsOfSoftCells() {
    // Only cells ended by '\v' are "soft"; an empty tab-terminated cell still takes its width.
    TabWriter soft = new TabWriter(0, 8, 1, '.', TabWriter.DISCARD_EMPTY_COLUMNS);
    assertThat(layout(soft, "a\t\u000bb\nc\t\u000bd\n")).isEqualTo("a.b\nc.d\n");
    TabWriter hard = new TabWriter(0, 8, 1, '.', TabWriter.DISCARD_EMPTY_COLUMNS);
    assertThat(layout(hard, "a\t\tb\nc\t\td\n")).isEqualTo("a..b\nc..d\n");
  }

  @Test
  void debugMarksColumns() {
    assertThat(layout(new TabWriter(0, 8, 1, ' ', TabWriter.DEBUG), "a\tb\naa\tc\n"))
        .isEqualTo("a  |b\naa |c\n");
  }

  @Test
  void formFeedEndsBlocks() {
    assertThat(layout(new TabWriter(0, 8, 1, '.', 0), "aaaa\tx\n\fb\ty\n")).isEqualTo("aaaa.x\n\nb.y\n");
  }

  @Test
  void flushEmptiesTheBuffer() {
    TabWriter w = lsWriter();
    w.write("a\tb\n");
    assertThat(w.flush()).isEqualTo("a    b\n");
    assertThat(w.flush()).isEmpty();
  }
}
