package dev.machine.core.cert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes files so that a concurrent reader sees either the old content or the new, never a
 * half-written key: a temporary file in the same directory, created with its final mode, synced,
 * then renamed over the target.
 */
final class AtomicFiles {
  static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

  private AtomicFiles() {}

  static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Creates {@code dir} and missing parents with mode 0700 (Docker Machine's {@code MkdirAll(dir, 0700)}). */
  static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix()) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Replaces {@code target} with {@code content}, leaving it with exactly {@code mode}. */
  static void write(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
    writeAll(List.of(new Pending(target, content, mode)));
  }

  /** A file to write: its path, content and final mode. */
  record Pending(Path target, byte[] content, Set<PosixFilePermission> mode) {}

  /**
   * Writes several files (a certificate and its key) so that they change together as closely as
   * the file system allows: every temporary file is written and synced first, then all are renamed.
   */
  static void writeAll(List<Pending> files) throws IOException {
    List<Path> temps = new ArrayList<>();
    try {
      for (Pending f : files) {
        temps.add(prepare(f));
      }
      for (int i = 0; i < files.size(); i++) {
        Path target = files.get(i).target();
        try {
          Files.move(temps.get(i), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temps.get(i), target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      for (Pending f : files) {
        syncDirectory(f.target().toAbsolutePath().getParent());
      }
    } finally {
      for (Path tmp : temps) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static Path prepare(Pending f) throws IOException {
    Path dir = f.target().toAbsolutePath().getParent();
    boolean posix = posix();
    // Created 0600 whatever the final mode: a key is never visible with a wider mode, even briefly.
    Path tmp =
        posix
            ? Files.createTempFile(dir, "." + f.target().getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE))
            : Files.createTempFile(dir, "." + f.target().getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(f.content());
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      if (posix) {
        // Set explicitly: the umask must not decide the modes of the store layout.
        Files.setPosixFilePermissions(tmp, f.mode());
      }
      return tmp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Makes the rename durable; not every platform can open a directory, which is fine. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // Best effort: the data itself is already synced.
    }
  }
}
