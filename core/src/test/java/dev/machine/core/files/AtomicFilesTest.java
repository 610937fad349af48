package dev.machine.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void replacesContentAndSetsExactlyTheGivenModeLeavingNoTemporaryFile() throws IOException {
    Path file = tmp.resolve("config.json");
    Files.writeString(file, "old content that is longer than the new one");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

    AtomicFiles.write(file, bytes("new"), AtomicFiles.PRIVATE);

    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(names(tmp)).containsExactly("config.json");
  }

  @Test
  void writesACertificateAndItsKeyWithTheirOwnModes() throws IOException {
    Path cert = tmp.resolve("server.pem");
    Path key = tmp.resolve("server-key.pem");

    AtomicFiles.writeAll(
        List.of(
            new AtomicFiles.Pending(cert, bytes("CERT"), AtomicFiles.PUBLIC),
            new AtomicFiles.Pending(key, bytes("KEY"), AtomicFiles.PRIVATE)));

    assertThat(Files.readString(cert)).isEqualTo("CERT");
    assertThat(Files.readString(key)).isEqualTo("KEY");
    assertThat(mode(cert)).isEqualTo("rw-r--r--");
    assertThat(mode(key)).isEqualTo("rw-------");
    assertThat(names(tmp)).containsExactlyInAnyOrder("server.pem", "server-key.pem");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = tmp.resolve("cert.pem");
    Files.writeString(file, "old");
    Path missingDir = tmp.resolve("missing/key.pem");

    assertThatThrownBy(
            () ->
                AtomicFiles.writeAll(
                    List.of(
                        new AtomicFiles.Pending(file, bytes("new"), AtomicFiles.PUBLIC),
                        new AtomicFiles.Pending(missingDir, bytes("key"), AtomicFiles.PRIVATE))))
        .isInstanceOf(NoSuchFileException.class);

    assertThat(Files.readString(file)).isEqualTo("old");
    assertThat(names(tmp)).containsExactly("cert.pem");
  }

  @Test
  void createsMissingDirectoriesPrivateAndLeavesExistingOnesAlone() throws IOException {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));

    AtomicFiles.createPrivateDirectories(tmp.resolve("machines/dev"));
    AtomicFiles.createPrivateDirectories(tmp.resolve("machines/dev"));

    assertThat(mode(tmp)).isEqualTo("rwxr-xr-x");
    assertThat(mode(tmp.resolve("machines"))).isEqualTo("rwx------");
    assertThat(mode(tmp.resolve("machines/dev"))).isEqualTo("rwx------");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
