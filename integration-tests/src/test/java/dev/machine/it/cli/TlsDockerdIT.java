package dev.machine.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.machine.core.host.AuthOptions;
import dev.machine.core.testing.LocalTlsDockerd;
import dev.machine.it.cli.MachineRunner.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code none} machine pointing at a real Docker daemon that requires mutual TLS with the
 * store's CA: {@code ls} shows its version, and the real docker CLI works through {@code config}
 * and {@code env}.
 */
class TlsDockerdIT {
  @TempDir static Path store;
  @TempDir static Path serverDir;
  static LocalTlsDockerd dockerd;
  static MachineRunner machine;

  @BeforeAll
  static void startDaemon() {
    assumeTrue(LocalTlsDockerd.isInstalled(), "dockerd is not installed (integration-tests/testbed/install-packages.sh)");
    Path certs = store.resolve("certs");
    // The daemon trusts the store's CA, which the fixture bootstraps where the CLI will find it.
    AuthOptions auth =
        new AuthOptions(certs.toString(), certs.resolve("ca.pem").toString(), certs.resolve("ca-key.pem").toString(), "",
            serverDir.resolve("server.pem").toString(), serverDir.resolve("server-key.pem").toString(),
            certs.resolve("key.pem").toString(), "", "", certs.resolve("cert.pem").toString(), List.of(),
            serverDir.toString());
    dockerd = LocalTlsDockerd.start(auth);
    machine = new MachineRunner(store);
    machine.run("create", "-d", "none", "--url", dockerd.url(), "local").exits(0);
  }

  @AfterAll
  static void stopDaemon() {
    if (dockerd != null) {
      dockerd.close();
    }
  }

  String serverVersion() {
    return machine.run("version", "local").exits(0).out().trim();
  }

  @Test
  void lsShowsTheDaemonsVersionAndActiveMarker() {
    String version = serverVersion();
    assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
    Result ls = machine.run("ls").exits(0);
    assertThat(ls.out())
        .containsPattern("\nlocal +- +none +Running +" + Pattern.quote(dockerd.url()) + " +v" + Pattern.quote(version) + " *\n");

    machine.env("DOCKER_HOST", dockerd.url());
    assertThat(machine.run("ls").exits(0).out()).containsPattern("\nlocal +\\* +none");
    assertThat(machine.run("active").exits(0).out()).isEqualTo("local\n");
    machine.env("DOCKER_HOST", null);

    Result formatted = machine.run("ls", "--format", "{{.Name}}: {{.DockerVersion}} {{.State}}").exits(0);
    assertThat(formatted.out()).isEqualTo("local: v" + version + " Running\n");
    Result table = machine.run("ls", "--format", "table {{.Name}}\\t{{.DriverName}}").exits(0);
    assertThat(table.out()).isEqualTo("NAME    DRIVER\nlocal   none\n");
  }

  @Test
  void dockerCliWorksThroughConfig() {
    Result config = machine.run("config", "local").exits(0);
    Path dir = store.resolve("machines/local");
    assertThat(config.out())
        .isEqualTo("--tlsverify\n--tlscacert=\"" + dir.resolve("ca.pem") + "\"\n--tlscert=\"" + dir.resolve("cert.pem")
            + "\"\n--tlskey=\"" + dir.resolve("key.pem") + "\"\n-H=" + dockerd.url() + "\n");
    Result docker = machine.bash("docker $(machine -s '" + store + "' config local) version --format '{{.Server.Version}}'").exits(0);
    assertThat(docker.out().trim()).isEqualTo(serverVersion());
  }

  @Test
  void dockerCliWorksThroughEnv() {
    Result env = machine.run("env", "local").exits(0);
    assertThat(env.out())
        .startsWith("export DOCKER_TLS_VERIFY=\"1\"\nexport DOCKER_HOST=\"" + dockerd.url() + "\"\n")
        .contains("export DOCKER_CERT_PATH=\"" + store.resolve("machines/local") + "\"\n")
        .contains("export DOCKER_MACHINE_NAME=\"local\"\n")
        .contains("# Run this command to configure your shell: \n# eval $(");
    assertThat(env.err()).isEmpty();

    Result docker = machine.bash("eval $(machine -s '" + store + "' env local); docker version --format '{{.Server.Version}}'").exits(0);
    assertThat(docker.out().trim()).isEqualTo(serverVersion());

    assertThat(machine.run("env", "--shell", "fish", "local").exits(0).out())
        .startsWith("set -gx DOCKER_TLS_VERIFY \"1\";\n");
    assertThat(machine.run("env", "-u").exits(0).out())
        .startsWith("unset DOCKER_TLS_VERIFY\nunset DOCKER_HOST\nunset DOCKER_CERT_PATH\nunset DOCKER_MACHINE_NAME\n");
    assertThat(machine.run("env", "-u", "local").exits(1).err())
        .isEqualTo("Error: Expected no machine name when the -u flag is present\n");
  }

  @Test
  void envWithoutShellFailsAsDockerMachineDoes() {
    Result noShell = new MachineRunner(store).env("SHELL", null).run("env", "local").exits(1);
    assertThat(noShell.out()).startsWith("The default lines below are for a sh/bash shell");
    assertThat(noShell.err()).isEqualTo("Error: Unknown shell\n");
    assertThat(new MachineRunner(store).env("SHELL", null).run("env", "--shell", "bash", "local").exits(0).out())
        .startsWith("export DOCKER_TLS_VERIFY=\"1\"\n");
  }

  @Test
  void inspectTemplates() {
    assertThat(machine.run("inspect", "-f", "{{.Driver.URL}} {{.HostOptions.EngineOptions.TlsVerify}}", "local").exits(0).out())
        .isEqualTo(dockerd.url() + " true\n");
    assertThat(machine.run("inspect", "-f", "{{.Nope}}", "local").exits(0).out()).isEqualTo("<no value>\n");
    assertThat(machine.run("inspect", "-f", "{{json .Driver.URL}}", "local").exits(0).out())
        .isEqualTo("\"" + dockerd.url() + "\"\n");
    assertThat(machine.run("inspect", "-f", "{{.Name", "local").exits(1).err()).startsWith("template parsing error: ");
  }

  @Test
  void aMachineWhoseDaemonIsGoneFailsCleanly() {
    machine.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "gone").exits(0);
    assertThat(machine.run("env", "gone").exits(1))
        .satisfies(r -> assertThat(r.out()).isEmpty())
        .satisfies(r -> assertThat(r.err()).startsWith("Error checking TLS connection: "));
    assertThat(machine.run("ls", "--filter", "name=gone").exits(0).out()).contains("Unknown");
    assertThat(machine.run("version", "gone").exits(1).err()).startsWith("Unable to query docker version: ");
    machine.run("rm", "-y", "gone").exits(0);
  }
}
