package dev.machine.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.driver.State;
import dev.machine.core.list.HostListItem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LsTemplateTest {
  static HostListItem item(String name, String active, State state, String url, String version, String error) {
    return new HostListItem(name, active, active.equals("*"), false, "none", state, url, null, "", null, error,
        version, Duration.ofMillis(3));
  }

  final List<HostListItem> items =
      List.of(
          item("broken", "", State.ERROR, "", "", "Error getting migrated host: bad"),
          item("dev", "-", State.RUNNING, "tcp://127.0.0.5:2376", "Unknown", "Unable to query docker version: x"),
          item("loc", "*", State.RUNNING, "tcp://127.0.0.1:23760", "v19.03.1", ""));

  @Test
  void defaultTableMatchesDockerMachinesLayout() {
    assertThat(LsTemplate.render(LsTemplate.DEFAULT, items))
        .isEqualTo(
            "NAME     ACTIVE   DRIVER   STATE     URL                     SWARM   DOCKER     ERRORS\n"
                + "broken            none     Error                                                Error getting migrated host: bad\n"
                + "dev      -        none     Running   tcp://127.0.0.5:2376            Unknown    Unable to query docker version: x\n"
                + "loc      *        none     Running   tcp://127.0.0.1:23760           v19.03.1   \n");
  }

  @Test
  void customFormatsWithAndWithoutTable() {
    assertThat(LsTemplate.render("{{.Name}} {{.ResponseTime}}", items)).isEqualTo("broken 3ms\ndev 3ms\nloc 3ms\n");
    assertThat(LsTemplate.render("table {{.Name}}\\t{{.Active}}  ", items.subList(2, 3)))
        .isEqualTo("NAME   ACTIVE\nloc    *\n");
    assertThat(LsTemplate.render("{{.Name}}\\n", items.subList(2, 3))).isEqualTo("loc\n\n");
  }

  @Test
  void aBadTemplateIsReported() {
    assertThatThrownBy(() -> LsTemplate.render("{{.Name", items)).hasMessage("template: :1: unclosed action");
    assertThatThrownBy(() -> LsTemplate.render("{{", items)).hasMessage("template: :1: unclosed action");
  }
}
