package dev.machine.core.ssh;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds programs on a search path, as Go's {@code exec.LookPath} does.
 *
 * @param searchPath the {@code PATH} value (entries separated by {@link File#pathSeparator})
 */
public record Executables(String searchPath) {
  /** The process's own {@code PATH}. */
  public static Executables system() {
    String path = System.getenv("PATH");
    return new Executables(path == null ? "" : path);
  }

  /** The first executable file called {@code name} on the path. */
  public Optional<Path> find(String name) {
    for (String dir : searchPath.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
