package dev.machine.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.Progress;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.NotFoundDriver;
import dev.machine.core.host.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store reads what Docker Machine wrote, and writes what Docker Machine would. */
class FileStoreCompatibilityTest {
  @TempDir Path root;

  private FileStore store() {
    return new FileStore(root, UrlTestDriver.registry());
  }

  private Path config(String name) {
    return root.resolve("machines").resolve(name).resolve("config.json");
  }

  private void writeConfig(String name, String content) throws IOException {
    Files.createDirectories(config(name).getParent());
    Files.writeString(config(name), content);
  }

  @Test
  void loadsAStoreWrittenByDockerMachineAndRewritesTheSameBytes() throws IOException {
    String written = StoreFixtures.dockerMachineConfig(root);
    writeConfig("dev", written);

    Host host = store().load("dev");

    assertThat(host.name()).isEqualTo("dev");
    assertThat(host.driverName()).isEqualTo("none");
    assertThat(host.driver()).isInstanceOf(UrlTestDriver.class);
    assertThat(host.driver().url()).isEqualTo("tcp://10.0.0.5:2376");
    assertThat(host.driver().ip()).isEqualTo("10.0.0.5:2376");
    assertThat(host.hostOptions()).isEqualTo(StoreFixtures.createdOptions(root, "dev"));

    store().save(host);

    assertThat(Files.readString(config("dev"))).isEqualTo(written);
    assertThat(Files.readAllBytes(config("dev"))).isEqualTo(written.getBytes(StandardCharsets.UTF_8));
    assertThat(new HostJson().write(host)).isEqualTo(written.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesAMachineExactlyAsDockerMachineDoes() throws IOException {
    UrlTestDriver driver = new UrlTestDriver(new DriverContext("dev", root, Progress.SILENT));
    driver.attach("tcp://10.0.0.5:2376");
    Host host = new Host("dev", "none", driver, StoreFixtures.createdOptions(root, "dev"));

    store().save(host);

    assertThat(Files.readString(config("dev"))).isEqualTo(StoreFixtures.dockerMachineConfig(root));
    assertThat(store().list()).containsExactly("dev");
    assertThat(store().exists("dev")).isTrue();
  }

  @Test
  void machineWithAnUninstalledDriverLoadsAsNotFoundAndRoundTripsUntouched() throws IOException {
    String virtualbox =
        StoreFixtures.dockerMachineConfig(root)
            .replace("\"DriverName\": \"none\"", "\"DriverName\": \"virtualbox\"")
            .replace(
                "        \"URL\": \"tcp://10.0.0.5:2376\"\n",
                "        \"VBoxManager\": {},\n"
                    + "        \"CPU\": 1,\n"
                    + "        \"Memory\": 1024,\n"
                    + "        \"Ratio\": 0.25,\n"
                    + "        \"Big\": 12345678901234567890,\n"
                    + "        \"HostOnlyCIDR\": \"192.168.99.1/24\",\n"
                    + "        \"Shares\": [\n            \"a\\u003cb\\u003e\\u0026c \\\"q\\\" \\u2028 \\u0001 \\n é\"\n        ],\n"
                    + "        \"NoShare\": false\n");
    writeConfig("vb", virtualbox.replace("\"dev\"", "\"vb\""));

    Host host = store().load("vb");

    assertThat(host.driver()).isInstanceOf(NotFoundDriver.class);
    assertThat(host.driverName()).isEqualTo("virtualbox");
    assertThat(host.driver().driverName()).isEqualTo("not found");
    assertThatThrownBy(() -> host.driver().state())
        .hasMessage("Driver \"virtualbox\" not found. Do you have the plugin binary accessible in your PATH?");
    String before = Files.readString(config("vb"));
    store().save(host);
    assertThat(Files.readString(config("vb"))).isEqualTo(before);
  }

  @Test
  void keysADriverDoesNotKnowSurviveASave() throws IOException {
    String withExtra =
        StoreFixtures.dockerMachineConfig(root)
            .replace("        \"URL\": \"tcp://10.0.0.5:2376\"\n",
                "        \"URL\": \"tcp://10.0.0.5:2376\",\n        \"AddedInALaterVersion\": [\n            1,\n            2.5\n        ]\n");
    writeConfig("dev", withExtra);

    store().save(store().load("dev"));

    assertThat(Files.readString(config("dev"))).isEqualTo(withExtra);
  }

  @Test
  void nameIsAlwaysTheDirectoryName() throws IOException {
    writeConfig("copy", StoreFixtures.dockerMachineConfig(root));

    Host host = store().load("copy");

    assertThat(host.name()).isEqualTo("copy");
    assertThat(host.driver().machineName()).isEqualTo("copy");
  }

  @Test
  void missingFieldsReadAsGoZeroValues() throws IOException {
    writeConfig(
        "bare",
        "{\"ConfigVersion\": 3, \"DriverName\": \"none\", \"HostOptions\": {\"EngineOptions\": {\"tlsverify\": true}}}");

    Host host = store().load("bare");

    assertThat(host.hostOptions().driver()).isEmpty();
    assertThat(host.hostOptions().engineOptions().tlsVerify()).isTrue();
    assertThat(host.hostOptions().engineOptions().storageDriver()).isEqualTo("");
    assertThat(host.hostOptions().engineOptions().labels()).isNull();
    assertThat(host.hostOptions().swarmOptions()).isNull();
    String saved = new String(new HostJson().write(host), StandardCharsets.UTF_8);
    assertThat(saved).contains("\"StorageDriver\": \"\",").contains("\"Labels\": null,").contains("\"SwarmOptions\": null,");
  }
}
