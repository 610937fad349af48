package dev.machine.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
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
 * Writes files so that a concurrent reader, or a crash, sees either the old content or the new,
 * never a half-written file: a temporary file in the same directory, created 0600, synced, given
 * its final mode, renamed over the target, then the directory synced. On a file system without
 * POSIX permissions the modes are skipped (the directory's ACLs apply).
 */
public final class AtomicFiles {
  /** 0600: keys and the store's records. */
  public static final Set<PosixFilePermission> PRIVATE = Set.copyOf(PosixFilePermissions.fromString("rw-------"));
  /** 0644: certificates. */
  public static final Set<PosixFilePermission> PUBLIC = Set.copyOf(PosixFilePermissions.fromString("rw-r--r--"));
  /** 0700: the store's directories. */
  public static final Set<PosixFilePermission> PRIVATE_DIR = Set.copyOf(PosixFilePermissions.fromString("rwx------"));

  private AtomicFiles() {}

  /** A file to write: its path, content and final mode. */
  public record Pending(Path target, byte[] content, Set<PosixFilePermission> mode) {}

  /** Whether {@code path}'s file system has POSIX modes. */
  public static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates {@code dir} and its missing parents with mode 0700 whatever the umask (Docker
   * Machine's {@code MkdirAll(dir, 0700)}); existing ones are left as they are. Safe against
   * another process creating them at the same time.
   */
  public static void createPrivateDirectories(Path dir) throws IOException {
    boolean posix = posix(dir);
    List<Path> missing = new ArrayList<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      try {
        if (posix) {
          Files.createDirectory(p, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
          Files.setPosixFilePermissions(p, PRIVATE_DIR); // the umask may have removed bits we want
        } else {
          Files.createDirectory(p);
        }
      } catch (FileAlreadyExistsException raced) {
        if (!Files.isDirectory(p)) {
          throw raced;
        }
      }
    }
  }

  /** Replaces {@code target} with {@code content}, leaving it with exactly {@code mode}. */
  public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
    writeAll(List.of(new Pending(target, content, mode)));
  }

  /**
   * Writes several files (a certificate and its key) so that they change together as closely as
   * the file system allows: every temporary file is written and synced first, then all are renamed.
   */
  public static void writeAll(List<Pending> files) throws IOException {
    List<Path> temps = new ArrayList<>();
    try {
      for (Pending f : files) {
        temps.add(prepare(f));
      }
      for (int i = 0; i < files.size(); i++) {
        // The temporary file is in the target's directory, so the rename never crosses file systems.
        Files.move(temps.get(i), files.get(i).target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
    boolean posix = posix(dir);
    // A hidden name (lists skip it), created 0600 whatever the final mode: a key is never
    // visible with a wider mode, even briefly.
    String prefix = "." + f.target().getFileName();
    Path tmp =
        posix
            ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE))
            : Files.createTempFile(dir, prefix, ".tmp");
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

  /** Makes a rename or a deletion in {@code dir} durable. Not every platform can; then it is skipped. */
  public static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException notSupportedHere) {
      // e.g. Windows cannot open a directory; the data itself is already synced.
    }
  }
}
