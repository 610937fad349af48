package dev.machine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher in process; the end-to-end tests run the built launcher (integration-tests). */
class MachineCliTest {
  @TempDir Path store;

  record Result(int code, String out, String err) {}

  Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new MachineCli("./machine", env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0])).run(List.of(args));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    return run(Map.of("HOME", store.toString()), args);
  }

  @Test
  void unknownCommand() {
    Result r = run("bogus");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("machine: 'bogus' is not a machine command. See './machine --help'.\n");
    assertThat(run("help", "bogus").err()).isEqualTo(r.err());
  }

  @Test
  void appHelpListsCommands() {
    Result r = run();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Usage: machine [OPTIONS] COMMAND [arg...]\n\nCreate and manage machines running Docker.\n");
    assertThat(r.out()).contains("\n  regenerate-certs\tRegenerate TLS Certificates for a machine\n");
    assertThat(r.out()).endsWith("Run 'machine COMMAND --help' for more information on a command.\n");
  }

  @Test
  void createWithoutADriverNamesTheInstalledOnes() {
    Result r = run("-s", store.toString(), "create", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: No driver specified").contains("none");
  }

  @Test
  void createWithAnUnknownDriver() {
    Result r = run("-s", store.toString(), "create", "-d", "bogus", "x");
    assertThat(r.err())
        .isEqualTo("Driver \"bogus\" not found. Do you have the plugin binary \"docker-machine-driver-bogus\" accessible in your PATH?\n");
  }

  @Test
  void createHelpShowsTheDriversFlags() {
    Result r = run("create", "-d", "none", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("\n   --url \t+URL of host when no driver is selected\n").contains("--engine-opt");
  }

  @Test
  void singleTargetCommandsFallBackToDefault() {
    Result r = run("-s", store.toString(), "url");
    assertThat(r.err()).isEqualTo("Error: No machine name(s) specified and no \"default\" machine exists\n");
    assertThat(run("-s", store.toString(), "url", "a", "b").err())
        .isEqualTo("Error: Expected one machine name as an argument\n");
  }

  @Test
  void regenerateCertsWithClientCertsNamesTheOtherMachinesEvenWhenANamedOneFails() throws Exception {
    for (String name : List.of("a", "other")) {
      assertThat(run("-s", store.toString(), "create", "-d", "none", "--url", "tcp://127.0.0.1:2376", name).code()).isZero();
    }
    // "a" cannot take the new certificates: its ca.pem is a directory with something in it.
    Path blocked = store.resolve("machines/a/ca.pem");
    Files.delete(blocked);
    Files.createDirectories(blocked.resolve("x"));

    Result r = run("-s", store.toString(), "regenerate-certs", "-f", "--client-certs", "a");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("ca.pem");
    assertThat(r.out()).contains("Regenerating local certificates")
        .contains("unreachable until you run 'machine regenerate-certs -f other'");
  }

  /** A {@code none} machine, as {@code create -d none} makes it. */
  void createNone(String name) {
    Result r = run("-s", store.toString(), "create", "-d", "none", "--url", "tcp://10.0.0.5:2376", name);
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void aMachineWhoseDriverIsNotInstalledIsListedFailsStatusAndCanBeForceRemoved() throws Exception {
    createNone("vb");
    Path config = store.resolve("machines/vb/config.json");
    Files.writeString(config, Files.readString(config).replace("\"DriverName\": \"none\"", "\"DriverName\": \"virtualbox\""));
    String notFound = "Driver \"virtualbox\" not found. Do you have the plugin binary accessible in your PATH?";

    Result ls = run("-s", store.toString(), "ls");
    assertThat(ls.code()).isZero();
    assertThat(ls.out()).containsPattern("\nvb +- +not found +Error +Unknown +" + Pattern.quote(notFound) + "\n");

    Result status = run("-s", store.toString(), "status", "vb");
    assertThat(status.code()).isEqualTo(1);
    assertThat(status.out()).isEmpty();
    assertThat(status.err()).isEqualTo("error getting state for host vb: " + notFound + "\n");

    assertThat(run("-s", store.toString(), "inspect", "-f", "{{.DriverName}}", "vb").out()).isEqualTo("virtualbox\n");

    Result rm = run("-s", store.toString(), "rm", "-f", "vb");
    assertThat(rm.code()).isZero();
    assertThat(rm.err()).isEqualTo("Error removing host \"vb\": " + notFound + "\n");
    assertThat(rm.out()).contains("Successfully removed vb");
    assertThat(store.resolve("machines/vb")).doesNotExist();
  }

  @Test
  void lsPrintsATemplateParseErrorAsItIs() {
    createNone("dev");
    Result r = run("-s", store.toString(), "ls", "--format", "{{");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("template: :1: unclosed action\n");
  }

  @Test
  void aMissingOrBadFlagValueGetsGoFlagErrorsAfterTheHelp() {
    Result missing = run("-s", store.toString(), "ls", "--timeout");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.out()).startsWith("Incorrect Usage.\n\nUsage: machine ls [OPTIONS] [arg...]\n");
    assertThat(missing.err()).isEqualTo("flag needs an argument: -timeout\n");

    Result bad = run("-s", store.toString(), "ls", "-t", "abc");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).startsWith("Incorrect Usage.\n\n");
    assertThat(bad.err()).isEqualTo("invalid value \"abc\" for flag -t: parse error\n");
  }

  @Test
  void aBoolFlagDoesNotSwallowAMachineNamedTrue() {
    createNone("true");
    createNone("false");
    Result r = run("-s", store.toString(), "rm", "-y", "true");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Successfully removed true");
    assertThat(store.resolve("machines/true")).doesNotExist();
    assertThat(run("-s", store.toString(), "rm", "-y=false", "-f", "false").code()).isZero();
    assertThat(store.resolve("machines/false")).doesNotExist();
  }

  @Test
  void aSwarmMasterMigratedFromConfigVersion0ShowsAsMasterInTheSwarmColumn() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String v0;
    try (InputStream in = getClass().getResourceAsStream("/dev/machine/core/store/v0.config.json")) {
      v0 = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("10.0.0.5:2376", "127.0.0.1:" + closedPort)
          .replace("/home/alice/.docker/machine", store.toString());
    }
    Files.createDirectories(store.resolve("machines/old"));
    Files.writeString(store.resolve("machines/old/config.json"), v0);

    Result r = run("-s", store.toString(), "ls", "--format", "{{.Name}}: {{.Swarm}}");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("old: old (master)\n");
  }

  @Test
  void createHelpWithoutADriverListsTheFlagsSortedByName() {
    Result r = run("create", "--help");
    assertThat(r.code()).isZero();
    List<String> flags = r.out().lines().filter(l -> l.startsWith("   --")).map(l -> l.trim().split("[ ,\t]")[0]).toList();
    assertThat(flags).contains("--driver", "--engine-opt", "--swarm", "--tls-san").isSorted();
    assertThat(run("help", "create").out()).isEqualTo(r.out());
  }

  @Test
  void lsFormatRowsAreGosHostListItem() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Result created = run("-s", store.toString(), "create", "-d", "none", "--url", "tcp://127.0.0.1:" + closedPort,
        "--engine-label", "env=dev", "dev");
    assertThat(created.code()).as(created.err()).isZero();

    Result r = run("-s", store.toString(), "ls", "--format", "{{.Name}} {{.State}} {{.EngineOptions.TLSVerify}} {{.EngineOptions.Labels}}");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("dev Running true [env=dev]\n");

    Result nope = run("-s", store.toString(), "ls", "--format", "table {{.Name}} {{.Nope}}");
    assertThat(nope.code()).isEqualTo(1);
    assertThat(nope.out()).isEqualTo("NAME <no value>\n");
    assertThat(nope.err())
        .isEqualTo("template: :1:12: executing \"\" at <.Nope>: can't evaluate field Nope in type commands.HostListItem\n");
  }
}
