package dev.machine.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.SwarmOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The templates Docker Machine users write: {@code ls --format} and {@code inspect -f}. */
class DockerMachineFormatsTest {
  /** A stand-in for the CLI's ls row (Go's HostListItem). */
  record HostListItem(
      String name,
      String active,
      boolean activeHost,
      String driverName,
      String state,
      String url,
      String swarm,
      String dockerVersion,
      String error,
      Duration responseTime,
      EngineOptions engineOptions,
      SwarmOptions swarmOptions) {}

  static final String DEFAULT_LS_FORMAT =
      "table {{ .Name }}\t{{ .Active }}\t{{ .DriverName}}\t{{ .State }}\t{{ .URL }}\t{{ .Swarm }}"
          + "\t{{ .DockerVersion }}\t{{ .Error}}";

  static final Map<String, String> LS_HEADERS =
      Map.ofEntries(
          Map.entry("Name", "NAME"),
          Map.entry("Active", "ACTIVE"),
          Map.entry("ActiveHost", "ACTIVE_HOST"),
          Map.entry("DriverName", "DRIVER"),
          Map.entry("State", "STATE"),
          Map.entry("URL", "URL"),
          Map.entry("Swarm", "SWARM"),
          Map.entry("Error", "ERRORS"),
          Map.entry("DockerVersion", "DOCKER"),
          Map.entry("ResponseTime", "RESPONSE"));

  static final EngineOptions ENGINE =
      new EngineOptions(
          List.of(), null, "", List.of(), false, List.of(), List.of("env=prod", "tier=web"), "", "",
          false, true, List.of(), "https://get.docker.com");

  static HostListItem item(String name, String active, String state, String url, String version, String error) {
    return new HostListItem(
        name, active, active.equals("*"), "none", state, url, "", version, error, Duration.ofMillis(3), ENGINE, null);
  }

  /** What the CLI does with a "table" format: header row, one row per host, through tabwriter. */
  static String lsTable(String format, List<HostListItem> items) {
    String body = format.substring("table".length()).strip();
    Template t = Template.parse("", body);
    TabWriter w = new TabWriter(5, 1, 3, ' ', 0);
    w.write(t.execute(LS_HEADERS) + "\n");
    for (HostListItem item : items) {
      w.write(t.execute(item) + "\n");
    }
    return w.flush();
  }

  @Test
  void defaultLsFormatGivesDockerMachineTable() {
    String out =
        lsTable(
            DEFAULT_LS_FORMAT,
            List.of(
                item("dev", "-", "Running", "tcp://10.0.0.5:2376", "Unknown", "Unable to query docker version"),
                item("loc", "*", "Running", "tcp://127.0.0.1:23760", "v19.03.1", "")));
    assertThat(out)
        .isEqualTo(
            "NAME   ACTIVE   DRIVER   STATE     URL                     SWARM   DOCKER     ERRORS\n"
                + "dev    -        none     Running   tcp://10.0.0.5:2376             Unknown    "
                + "Unable to query docker version\n"
                + "loc    *        none     Running   tcp://127.0.0.1:23760           v19.03.1   \n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void readsListItemObjects(String template, String expected) {
    HostListItem loc = item("loc", "*", "Running", "tcp://127.0.0.1:23760", "v19.03.1", "");
    assertThat(Template.parse("ls", template).execute(loc)).isEqualTo(expected);
  }

  static Stream<Arguments> readsListItemObjects() {
    return Stream.of(
        Arguments.of("{{.Name}}: {{.URL}}", "loc: tcp://127.0.0.1:23760"),
        Arguments.of("{{.DriverName}} {{.State}} {{.ActiveHost}}", "none Running true"),
        Arguments.of("{{if .ActiveHost}}active{{end}}", "active"),
        Arguments.of("[{{.Error}}]", "[]"),
        Arguments.of("{{.ResponseTime}}", "3ms"),
        Arguments.of("{{.EngineOptions.Labels}}", "[env=prod tier=web]"),
        Arguments.of("{{.EngineOptions.TlsVerify}} {{.EngineOptions.InstallURL}}", "true https://get.docker.com"),
        Arguments.of("{{range .EngineOptions.Labels}}{{.}};{{end}}", "env=prod;tier=web;"),
        Arguments.of("{{.SwarmOptions}}", "<nil>"),
        Arguments.of("{{if .SwarmOptions}}swarm{{else}}none{{end}}", "none"),
        Arguments.of("{{.Name | upper}} {{.State | lower}}", "LOC running"),
        Arguments.of("{{json .EngineOptions.Labels}}", "[\"env=prod\",\"tier=web\"]"));
  }

  @Test
  void jsonOfAnObjectKeepsItsJsonNamesAndOrder() {
    assertThat(Template.parse("ls", "{{json .EngineOptions}}").execute(item("a", "-", "", "", "", "")))
        .isEqualTo(
            "{\"ArbitraryFlags\":[],\"Dns\":null,\"GraphDir\":\"\",\"Env\":[],\"Ipv6\":false,"
                + "\"InsecureRegistry\":[],\"Labels\":[\"env=prod\",\"tier=web\"],\"LogLevel\":\"\","
                + "\"StorageDriver\":\"\",\"SelinuxEnabled\":false,\"TlsVerify\":true,\"RegistryMirror\":[],"
                + "\"InstallURL\":\"https://get.docker.com\"}");
  }

  @Test
  void fieldOfNilObjectFailsAsInGo() {
    Template t = Template.parse("ls", "{{.SwarmOptions.Master}}");
    assertThatThrownBy(() -> t.execute(item("a", "-", "", "", "", "")))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "template: ls:1:2: executing \"ls\" at <.SwarmOptions.Master>: "
                + "nil pointer evaluating *SwarmOptions.Master");
  }

  @Test
  void unknownFieldOfObjectFails() {
    Template t = Template.parse("ls", "{{.Bogus}}");
    assertThatThrownBy(() -> t.execute(item("a", "-", "", "", "", "")))
        .hasMessage("template: ls:1:2: executing \"ls\" at <.Bogus>: can't evaluate field Bogus in type HostListItem");
  }

  static final String CONFIG_JSON =
      """
      {
          "ConfigVersion": 3,
          "Driver": {
              "IPAddress": "10.0.0.5",
              "MachineName": "dev",
              "SSHUser": "ubuntu",
              "SSHPort": 22,
              "SSHKeyPath": "",
              "StorePath": "/home/alice/.docker/machine",
              "SwarmMaster": false,
              "SwarmHost": "",
              "SwarmDiscovery": "",
              "EnginePort": 2376,
              "SSHKey": ""
          },
          "DriverName": "generic",
          "HostOptions": {
              "Driver": "",
              "Memory": 0,
              "Disk": 0,
              "EngineOptions": {
                  "ArbitraryFlags": [],
                  "Dns": null,
                  "GraphDir": "",
                  "Env": [],
                  "Ipv6": false,
                  "InsecureRegistry": [],
                  "Labels": ["env=prod", "tier=web"],
                  "LogLevel": "",
                  "StorageDriver": "",
                  "SelinuxEnabled": false,
                  "TlsVerify": true,
                  "RegistryMirror": [],
                  "InstallURL": "https://get.docker.com"
              },
              "SwarmOptions": {"IsSwarm": false, "Address": "", "Discovery": "", "Master": false},
              "AuthOptions": {"CertDir": "/home/alice/.docker/machine/certs", "ServerCertSANs": []}
          },
          "Name": "dev"
      }
      """;

  /** inspect -f: the host marshalled to JSON and decoded into a generic map. */
  static Object inspectData() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    return mapper.convertValue(mapper.readTree(CONFIG_JSON), Object.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void inspectFormats(String format, String expected) throws Exception {
    assertThat(Template.parse("", format).execute(inspectData())).isEqualTo(expected);
  }

  static Stream<Arguments> inspectFormats() {
    return Stream.of(
        Arguments.of("{{.Driver.IPAddress}}", "10.0.0.5"),
        Arguments.of("{{.DriverName}}", "generic"),
        Arguments.of("{{.Driver.SSHPort}}", "22"),
        Arguments.of("{{.HostOptions.EngineOptions.TlsVerify}}", "true"),
        Arguments.of("{{range .HostOptions.EngineOptions.Labels}}{{.}} {{end}}", "env=prod tier=web "),
        Arguments.of("{{.Missing}}", "<no value>"),
        Arguments.of("{{.Driver.Missing}}", "<no value>"),
        Arguments.of("{{.HostOptions.EngineOptions.Dns}}", "<no value>"),
        Arguments.of("{{.HostOptions.EngineOptions.Labels}}", "[env=prod tier=web]"),
        Arguments.of(
            "{{json .HostOptions.EngineOptions}}",
            "{\"ArbitraryFlags\":[],\"Dns\":null,\"Env\":[],\"GraphDir\":\"\",\"InsecureRegistry\":[],"
                + "\"InstallURL\":\"https://get.docker.com\",\"Ipv6\":false,\"Labels\":[\"env=prod\",\"tier=web\"],"
                + "\"LogLevel\":\"\",\"RegistryMirror\":[],\"SelinuxEnabled\":false,\"StorageDriver\":\"\","
                + "\"TlsVerify\":true}"),
        Arguments.of(
            "{{prettyjson .HostOptions.SwarmOptions}}",
            "{\n    \"Address\": \"\",\n    \"Discovery\": \"\",\n    \"IsSwarm\": false,\n    \"Master\": false\n}"),
        Arguments.of("{{prettyjson .HostOptions.AuthOptions.ServerCertSANs}}", "[]"),
        Arguments.of("{{if eq .DriverName \"generic\"}}{{.Driver.SSHUser}}@{{.Driver.IPAddress}}{{end}}", "ubuntu@10.0.0.5"),
        Arguments.of("tcp://{{.Driver.IPAddress}}:{{.Driver.EnginePort}}", "tcp://10.0.0.5:2376"),
        Arguments.of("{{with .HostOptions.AuthOptions}}{{.CertDir}}{{end}}", "/home/alice/.docker/machine/certs"));
  }
}
