package dev.machine.core.store;

import dev.machine.core.MachineException;
import dev.machine.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Reentrant locks on lock files, across threads and across processes.
 *
 * <p>An OS file lock ({@link FileChannel#lock()}) belongs to the whole JVM, and asking twice for
 * the same file from one JVM throws {@link OverlappingFileLockException}. So threads first take an
 * in-process {@link ReentrantLock} per file, and only the outermost holder takes the file lock.
 * Another {@code FileLocks} in the same JVM (a second store object on the same root) shows up
 * as an overlapping lock; then this one waits and retries.
 *
 * <p>Lock files are never deleted: deleting one while another process waits on it would let a
 * third process lock a new file of the same name at the same time.
 */
final class FileLocks {
  private final ConcurrentMap<Path, ReentrantLock> threadLocks = new ConcurrentHashMap<>();
  <T> T withLock(Path lockFile, Supplier<T> action) {
    ReentrantLock threadLock = threadLocks.computeIfAbsent(lockFile.toAbsolutePath(), p -> new ReentrantLock());
    threadLock.lock();
    try {
      if (threadLock.getHoldCount() > 1) {
        return action.get();
      }
      try (FileChannel channel = openLockFile(lockFile);
          FileLock ignored = lockAcrossJvm(channel, lockFile)) {
        return action.get();
      } catch (IOException e) {
        throw new MachineException("Error locking " + lockFile + ": " + e.getMessage(), e);
      }
    } finally {
      threadLock.unlock();
    }
  }

  private FileChannel openLockFile(Path lockFile) throws IOException {
    AtomicFiles.createPrivateDirectories(lockFile.getParent());
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return AtomicFiles.posix(lockFile)
        ? FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE))
        : FileChannel.open(lockFile, options);
  }

  private static FileLock lockAcrossJvm(FileChannel channel, Path lockFile) throws IOException {
    long pause = 1;
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException heldElsewhereInThisJvm) {
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MachineException("Interrupted while waiting for the lock " + lockFile, e);
        }
        pause = Math.min(pause * 2, 50);
      }
    }
  }
}
