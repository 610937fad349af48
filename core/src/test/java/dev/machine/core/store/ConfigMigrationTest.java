package dev.machine.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machine.core.MachineException;
import dev.machine.core.driver.NotFoundDriver;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import dev.machine.core.host.SwarmOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old config.json files (versions 0 to 2, built from §3.3) load, are migrated, backed up and re-saved. */
class ConfigMigrationTest {
  @TempDir Path root;

  private FileStore store() {
    return new FileStore(root, UrlTestDriver.registry());
  }

  private Path dir() {
    return root.resolve("machines").resolve("old");
  }

  private String install(String resource) throws IOException {
    String content = StoreFixtures.resource(resource).replace(StoreFixtures.CAPTURED_ROOT, root.toString());
    Files.createDirectories(dir());
    Files.writeString(dir().resolve("config.json"), content);
    return content;
  }

  private String path(String relative) {
    return root.resolve(relative).toString();
  }

  private JsonNode savedTree() throws IOException {
    return new ObjectMapper().readTree(dir().resolve("config.json").toFile());
  }

  /** After a migration: the original bytes are in config.json.bak, and config.json is what we write for the host. */
  private void assertBackedUpAndResaved(String original, Host host) throws IOException {
    assertThat(Files.readString(dir().resolve("config.json.bak"))).isEqualTo(original);
    assertThat(Files.readString(dir().resolve("config.json"))).isEqualTo(new String(new HostJson().write(host), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(savedTree().get("ConfigVersion").asInt()).isEqualTo(3);
    assertThat(savedTree().get("Driver").get("StorePath").asText()).isEqualTo(root.toString());

    // Loading again finds version 3: nothing is migrated or backed up a second time.
    Files.delete(dir().resolve("config.json.bak"));
    Host again = store().load("old");
    assertThat(again.hostOptions()).isEqualTo(host.hostOptions());
    assertThat(dir().resolve("config.json.bak")).doesNotExist();
  }

  @Test
  void version0FlatFieldsMoveIntoHostOptions() throws IOException {
    String original = install("v0.config.json");

    Host host = store().load("old");

    assertThat(host.name()).isEqualTo("old");
    assertThat(host.driverName()).isEqualTo("none");
    assertThat(host.driver().url()).isEqualTo("tcp://10.0.0.5:2376");
    assertThat(host.driver().ip()).isEqualTo("10.0.0.5:2376");
    assertThat(host.hostOptions())
        .isEqualTo(
            new HostOptions(
                "",
                0,
                0,
                new EngineOptions(null, null, "", null, false, null, null, "", "", false, true, null, EngineOptions.DEFAULT_INSTALL_URL),
                new SwarmOptions(false, "", "token://abc", false, true, "tcp://0.0.0.0:3376", "", "", 0, 0, null, null, null, false),
                new AuthOptions(
                    path("certs"), path("certs/ca.pem"), path("certs/ca-key.pem"), "", path("machines/old/server.pem"),
                    path("machines/old/server-key.pem"), path("certs/key.pem"), "", "", path("certs/cert.pem"), null,
                    root.toString())));
    assertBackedUpAndResaved(original, host);
  }

  @Test
  void version1PrivateKeyPathBecomesCaPrivateKeyPathAndCertDirAppears() throws IOException {
    String original = install("v1.config.json");

    Host host = store().load("old");

    assertThat(host.hostOptions().engineOptions())
        .isEqualTo(
            new EngineOptions(List.of(), null, "", null, false, List.of(), List.of("env=old"), "", "aufs", false, true, List.of(),
                EngineOptions.DEFAULT_INSTALL_URL));
    assertThat(host.hostOptions().swarmOptions())
        .isEqualTo(new SwarmOptions(false, "", "", false, false, "tcp://0.0.0.0:3376", "swarm:latest", "spread", 0, 0, List.of(), null, null, false));
    assertThat(host.hostOptions().authOptions())
        .isEqualTo(
            new AuthOptions(
                path("certs"), path("certs/ca.pem"), path("certs/ca-key.pem"), "", path("machines/old/server.pem"),
                path("machines/old/server-key.pem"), path("certs/key.pem"), "", "", path("certs/cert.pem"), null,
                root.toString()));
    assertBackedUpAndResaved(original, host);
  }

  @Test
  void version2GetsTheStoreRootInTheDriverObject() throws IOException {
    String original = install("v2.config.json");

    Host host = store().load("old");

    assertThat(host.hostOptions().authOptions().storePath()).isEqualTo(path("machines/old"));
    assertThat(host.hostOptions().authOptions().certDir()).isEqualTo(path("certs"));
    assertThat(host.driver().url()).isEqualTo("tcp://10.0.0.5:2376");
    assertBackedUpAndResaved(original, host);
  }

  @Test
  void migratedDriverObjectOfAnUninstalledDriverHasGoMapOrder() throws IOException {
    install("v2.config.json");
    Path config = dir().resolve("config.json");
    Files.writeString(config, Files.readString(config).replace("\"DriverName\": \"none\"", "\"DriverName\": \"virtualbox\""));

    Host host = store().load("old");

    assertThat(host.driver()).isInstanceOf(NotFoundDriver.class);
    List<String> keys = new java.util.ArrayList<>();
    savedTree().get("Driver").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("IPAddress", "MachineName", "StorePath", "URL");
    assertThat(savedTree().get("Driver").get("StorePath").asText()).isEqualTo(root.toString());
  }

  @Test
  void withoutARecordedStorePathTheStoreRootIsUsed() throws IOException {
    install("v2.config.json");
    Path config = dir().resolve("config.json");
    Files.writeString(config, Files.readString(config).replaceFirst("\"StorePath\": \"[^\"]*\",\n    \"Name\"", "\"Name\""));
    assertThat(Files.readString(config)).doesNotContain("\"StorePath\": \"" + path("machines/old") + "\",\n    \"Name\"");

    store().load("old");

    assertThat(savedTree().get("Driver").get("StorePath").asText()).isEqualTo(root.toString());
  }

  @Test
  void aMovedStoreKeepsThePathsTheFileRecordsAsDockerMachineDoes() throws IOException {
    Files.createDirectories(dir());
    Files.writeString(dir().resolve("config.json"), StoreFixtures.resource("v1.config.json"));

    Host host = store().load("old");

    assertThat(host.hostOptions().authOptions().certDir()).isEqualTo("/home/alice/.docker/machine/certs");
    assertThat(savedTree().get("Driver").get("StorePath").asText()).isEqualTo(root.toString());
  }

  @Test
  void aConfigFromTheFutureIsRefusedAndLeftAlone() throws IOException {
    String future = StoreFixtures.dockerMachineConfig(root).replace("\"ConfigVersion\": 3", "\"ConfigVersion\": 4");
    Files.createDirectories(dir());
    Files.writeString(dir().resolve("config.json"), future);

    assertThatThrownBy(() -> store().load("old"))
        .isInstanceOf(MachineException.class)
        .hasMessage("Error getting migrated host: config version is from the future -- you should upgrade your Docker Machine client");
    assertThat(Files.readString(dir().resolve("config.json"))).isEqualTo(future);
    assertThat(dir().resolve("config.json.bak")).doesNotExist();
  }
}
