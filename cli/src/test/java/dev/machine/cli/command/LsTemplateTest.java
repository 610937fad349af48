package dev.machine.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.driver.State;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.list.HostListItem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LsTemplateTest {
  static final EngineOptions ENGINE =
      new EngineOptions(List.of(), null, "", List.of(), false, List.of(), List.of("env=prod"), "", "", false, true,
          List.of(), EngineOptions.DEFAULT_INSTALL_URL);

  static HostListItem item(String name, String active, State state, String url, String version, String error) {
    return new HostListItem(name, active, active.equals("*"), false, "none", state, url, null, "",
        active.isEmpty() ? null : ENGINE, error, version, Duration.ofMillis(3));
  }

  /** What ls prints on stdout. */
  static String render(String format, List<HostListItem> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LsTemplate.parse(format).render(items, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  final List<HostListItem> items =
      List.of(
          item("broken", "", State.ERROR, "", "", "Error getting migrated host: bad"),
          item("dev", "-", State.RUNNING, "tcp://127.0.0.5:2376", "Unknown", "Unable to query docker version: x"),
          item("loc", "*", State.RUNNING, "tcp://127.0.0.1:23760", "v19.03.1", ""));

  @Test
  void defaultTableMatchesDockerMachinesLayout() {
    assertThat(render(LsTemplate.DEFAULT, items))
        .isEqualTo(
            "NAME     ACTIVE   DRIVER   STATE     URL                     SWARM   DOCKER     ERRORS\n"
                + "broken            none     Error                                                Error getting migrated host: bad\n"
                + "dev      -        none     Running   tcp://127.0.0.5:2376            Unknown    Unable to query docker version: x\n"
                + "loc      *        none     Running   tcp://127.0.0.1:23760           v19.03.1   \n");
  }

  @Test
  void customFormatsWithAndWithoutTable() {
    assertThat(render("{{.Name}} {{.ResponseTime}}", items)).isEqualTo("broken 3ms\ndev 3ms\nloc 3ms\n");
    assertThat(render("table {{.Name}}\\t{{.Active}}  ", items.subList(2, 3)))
        .isEqualTo("NAME   ACTIVE\nloc    *\n");
    assertThat(render("{{.Name}}\\n", items.subList(2, 3))).isEqualTo("loc\n\n");
  }

  @Test
  void aBadTemplateIsReported() {
    assertThatThrownBy(() -> render("{{.Name", items)).hasMessage("template: :1: unclosed action");
    assertThatThrownBy(() -> render("{{", items)).hasMessage("template: :1: unclosed action");
  }

  @Test
  void rowsAreGosHostListItemStruct() {
    List<HostListItem> loc = items.subList(2, 3);
    assertThat(render("{{.Name}} {{.State}} {{.ActiveHost}} {{.ResponseTime}} {{.EngineOptions.TLSVerify}}", loc))
        .isEqualTo("loc Running true 3ms true\n");
    assertThat(render("{{range .EngineOptions.Labels}}{{.}}{{end}} {{.EngineOptions.DNS}}", loc))
        .isEqualTo("env=prod []\n");
  }

  @Test
  void aFieldTheRowDoesNotHaveIsAnErrorAfterTheRowsBeforeIt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() ->
            LsTemplate.parse("table {{.Name}}\\t{{.Nope}}").render(items, new PrintStream(out, true, StandardCharsets.UTF_8)))
        .hasMessage(
            "template: :1:12: executing \"\" at <.Nope>: can't evaluate field Nope in type commands.HostListItem");
    // The header, from a map, shows <no value>, as Docker Machine prints it before the error.
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("NAME   <no value>\n");
  }
}
