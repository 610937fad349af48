package dev.machine.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorePathsTest {
  @Test
  void flagWinsOverEnvironment() {
    assertThat(StorePaths.root("/flag", Map.of("MACHINE_STORAGE_PATH", "/env", "HOME", "/home/alice")))
        .isEqualTo(Path.of("/flag"));
  }

  @Test
  void environmentWinsOverHome() {
    assertThat(StorePaths.root(null, Map.of("MACHINE_STORAGE_PATH", "/env", "HOME", "/home/alice")))
        .isEqualTo(Path.of("/env"));
    assertThat(StorePaths.root("", Map.of("MACHINE_STORAGE_PATH", "/env"))).isEqualTo(Path.of("/env"));
  }

  @Test
  void defaultIsDockerMachineUnderHome() {
    assertThat(StorePaths.root(null, Map.of("HOME", "/home/alice", "MACHINE_STORAGE_PATH", "")))
        .isEqualTo(Path.of("/home/alice/.docker/machine"));
  }

  @Test
  void withoutHomeTheJvmsUserHomeIsUsed() {
    assertThat(StorePaths.root(null, Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home")).toAbsolutePath().resolve(".docker/machine"));
  }

  @Test
  void relativePathsBecomeAbsolute() {
    assertThat(StorePaths.root("some/./dir", Map.of()))
        .isEqualTo(Path.of("").toAbsolutePath().resolve("some/dir"));
  }
}
