package dev.machine.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.host.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing, removing, file modes, bad names and readable load errors. */
class FileStoreTest {
  @TempDir Path temp;

  private Path root() {
    return temp.resolve("store");
  }

  private FileStore store() {
    return new FileStore(root(), UrlTestDriver.registry());
  }

  private Host host(String name) {
    UrlTestDriver driver = new UrlTestDriver(new DriverContext(name, root(), Progress.SILENT));
    driver.attach("tcp://10.0.0.5:2376");
    return new Host(name, "none", driver, StoreFixtures.createdOptions(root(), name));
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void savedStoreHasDockerMachineModes() throws IOException {
    store().save(host("dev"));

    assertThat(mode(root())).isEqualTo("rwx------");
    assertThat(mode(root().resolve("machines"))).isEqualTo("rwx------");
    assertThat(mode(root().resolve("machines/dev"))).isEqualTo("rwx------");
    assertThat(mode(root().resolve("machines/dev/config.json"))).isEqualTo("rw-------");
  }

  @Test
  void rewritingAWorldReadableConfigMakesIt0600AndLeavesNoTemporaryFile() throws IOException {
    store().save(host("dev"));
    Path config = root().resolve("machines/dev/config.json");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

    store().save(host("dev"));

    assertThat(mode(config)).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(config.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.json");
    }
  }

  @Test
  void backupWrittenByAMigrationIs0600() throws IOException {
    Path dir = root().resolve("machines/old");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), StoreFixtures.resource("v2.config.json"));

    store().load("old");

    assertThat(mode(dir.resolve("config.json.bak"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("config.json"))).isEqualTo("rw-------");
  }

  @Test
  void listsMachineDirectoriesSortedIgnoringHiddenOnesAndFiles() throws IOException {
    assertThat(store().list()).isEmpty();
    for (String name : List.of("b", "a", "B", "a.b", "10", "9")) {
      store().save(host(name));
    }
    Files.createDirectories(root().resolve("machines/.hidden"));
    Files.writeString(root().resolve("machines/file"), "x");
    store().withMachineLock("a", () -> null); // creates machines/.locks

    assertThat(store().list()).containsExactly("10", "9", "B", "a", "a.b", "b");
    assertThat(store().exists("a")).isTrue();
    assertThat(store().exists("file")).isFalse();
    assertThat(store().exists("nope")).isFalse();
  }

  @Test
  void removeDeletesTheWholeDirectoryAndToleratesAMissingMachine() throws IOException {
    store().save(host("dev"));
    Path dir = root().resolve("machines/dev");
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("sub/deeper/id_rsa"), "key");

    store().remove("dev");
    store().remove("dev");
    store().remove("never-existed");

    assertThat(dir).doesNotExist();
    assertThat(store().list()).isEmpty();
    try (Stream<Path> left = Files.list(root().resolve("machines"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly(".locks");
    }
  }

  @Test
  void unknownMachineGivesDockerMachinesMessage() {
    assertThatThrownBy(() -> store().load("ghost"))
        .isInstanceOf(MachineNotFoundException.class)
        .hasMessage(
            "Docker machine \"ghost\" does not exist. Use \"docker-machine ls\" to list machines. Use \"docker-machine create\" to add a new one.");
  }

  @Test
  void namesCannotReachOutsideTheMachinesDirectory() throws IOException {
    store().save(host("dev"));
    Files.writeString(root().resolve("config.json"), StoreFixtures.dockerMachineConfig(root()));

    for (String bad : List.of("..", ".", "../machines/dev", "dev/..", "", ".locks", "a\\b")) {
      assertThat(store().exists(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> store().load(bad)).as(bad).isInstanceOf(MachineNotFoundException.class);
      assertThatThrownBy(() -> store().remove(bad)).as(bad).isInstanceOf(MachineException.class).hasMessageContaining("Invalid machine name");
    }
    assertThat(store().list()).containsExactly("dev");
    assertThat(root().resolve("config.json")).exists();
  }

  @Test
  void missingConfigSaysWhichFile() throws IOException {
    Files.createDirectories(root().resolve("machines/empty"));

    assertThatThrownBy(() -> store().load("empty"))
        .hasMessage("open " + root().resolve("machines/empty/config.json") + ": no such file or directory");
  }

  @Test
  void brokenJsonKeepsDockerMachinesPrefixAndSaysWhere() throws IOException {
    write("broken", "{\n    bad");

    assertThatThrownBy(() -> store().load("broken"))
        .hasMessageStartingWith("Error getting migrated host: invalid JSON (line 2, column ")
        .hasMessageContaining("Unexpected character ('b'")
        .hasMessageNotContaining("\n");
  }

  @Test
  void emptyOrTruncatedJsonReadsLikeGo() throws IOException {
    write("empty", "");
    write("cut", "{\"ConfigVersion\": 3, \"Driver\": {");
    write("array", "[]");
    write("trailing", "{} x");

    assertThatThrownBy(() -> store().load("empty")).hasMessage("Error getting migrated host: unexpected end of JSON input");
    assertThatThrownBy(() -> store().load("cut")).hasMessage("Error getting migrated host: unexpected end of JSON input");
    assertThatThrownBy(() -> store().load("array")).hasMessage("Error getting migrated host: config.json does not hold a JSON object");
    assertThatThrownBy(() -> store().load("trailing")).hasMessageStartingWith("Error getting migrated host: invalid JSON");
  }

  @Test
  void wrongTypesAreNamed() throws IOException {
    write("v", "{\"ConfigVersion\": \"3\"}");
    write("o", "{\"ConfigVersion\": 3, \"HostOptions\": {\"Memory\": \"lots\"}}");

    assertThatThrownBy(() -> store().load("v"))
        .hasMessage("Error getting migrated host: cannot read ConfigVersion: expected an integer, found \"3\"");
    assertThatThrownBy(() -> store().load("o")).hasMessageStartingWith("Error getting migrated host: cannot read HostOptions: ");
  }

  @Test
  void aDriverThatFailsToWriteLeavesTheOldFileInPlace() throws IOException {
    store().save(host("dev"));
    Path config = root().resolve("machines/dev/config.json");
    String before = Files.readString(config);
    UrlTestDriver failing =
        new UrlTestDriver(new DriverContext("dev", root(), Progress.SILENT)) {
          @Override
          protected void writeFields(ObjectNode out) {
            throw new MachineException("boom");
          }
        };

    assertThatThrownBy(() -> store().save(new Host("dev", "none", failing, StoreFixtures.createdOptions(root(), "dev"))))
        .hasMessage("boom");
    assertThat(Files.readString(config)).isEqualTo(before);
    try (Stream<Path> files = Files.list(config.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.json");
    }
  }

  @Test
  void driversReportWithTheMachineNamePrefix() throws IOException {
    store().save(host("dev"));
    List<String> lines = new java.util.ArrayList<>();
    Progress recorder =
        new Progress() {
          @Override
          public void info(String message) {
            lines.add(message);
          }

          @Override
          public void warn(String message) {
            lines.add("warn " + message);
          }
        };

    Host loaded = new FileStore(root(), UrlTestDriver.registry(), recorder).load("dev");
    ((UrlTestDriver) loaded.driver()).say("Launching instance...");

    assertThat(lines).containsExactly("(dev) Launching instance...");
  }

  private void write(String name, String content) throws IOException {
    Path dir = root().resolve("machines").resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), content);
  }
}
