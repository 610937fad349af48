package dev.machine.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * File operations with the store's modes (directories 0700, files 0600) and crash-safe writes.
 * On a file system without POSIX permissions the modes are skipped.
 */
final class StoreFiles {
  private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

  private final boolean posix;

  StoreFiles(FileSystem fileSystem) {
    this.posix = fileSystem.supportedFileAttributeViews().contains("posix");
  }

  /** Creates {@code dir} and its missing parents with mode 0700; existing ones are left as they are. */
  void createPrivateDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    List<Path> missing = new ArrayList<>();
    for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      try {
        if (posix) {
          Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR_MODE));
          Files.setPosixFilePermissions(p, DIR_MODE); // the umask may have removed bits we want
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

  /** Opens (creating with mode 0600 if needed) a file. */
  FileChannel openPrivate(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> opts = Set.of(options);
    return posix
        ? FileChannel.open(file, opts, PosixFilePermissions.asFileAttribute(FILE_MODE))
        : FileChannel.open(file, opts);
  }

  /**
   * Replaces {@code target} with {@code bytes} so that a reader, or a crash, sees either the old
   * or the new content, never a mix: a temporary file in the same directory, fsync, atomic
   * rename, fsync of the directory. The file gets mode 0600.
   */
  void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    FileAttribute<?>[] attrs =
        posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, target.getFileName() + ".tmp", "", attrs);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncDirectory(dir);
  }

  /** Makes a rename or a deletion in {@code dir} durable. Not every platform can; then it is skipped. */
  void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notSupportedHere) {
      // e.g. Windows cannot open a directory; the rename itself is still atomic.
    }
  }

  /** Deletes {@code dir} and everything under it; a missing {@code dir} is not an error. */
  void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
