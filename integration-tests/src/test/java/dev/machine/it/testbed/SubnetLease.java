package dev.machine.it.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * Exclusive use of one 10.200.S.0/24 subnet on this machine's own network namespace, held as a
 * file lock so that concurrent test runs (other JVMs, other sessions) never get the same subnet.
 * The operating system drops the lock if the JVM dies.
 */
final class SubnetLease implements AutoCloseable {

  /** Subnets handed out automatically; lower ones are left to tests that pick their own. */
  static final int FIRST_AUTO = 100;

  static final int LAST_AUTO = 249;

  private final int subnet;
  private final FileChannel channel;
  private final FileLock lock;

  private SubnetLease(int subnet, FileChannel channel, FileLock lock) {
    this.subnet = subnet;
    this.channel = channel;
    this.lock = lock;
  }

  /** Leases the first free automatic subnet. */
  static SubnetLease acquireAny(Path lockDir) {
    String routes = routesOfThisMachine();
    for (int s = FIRST_AUTO; s <= LAST_AUTO; s++) {
      if (routes.contains("10.200." + s + ".")) {
        continue; // used by something that does not take our locks
      }
      SubnetLease lease = tryAcquire(lockDir, s);
      if (lease != null) {
        return lease;
      }
    }
    throw new IllegalStateException(
        "No free test subnet among 10.200." + FIRST_AUTO + "-" + LAST_AUTO + ".0/24 (locks in " + lockDir + ")");
  }

  /** Leases the given subnet, failing if another test run holds it. */
  static SubnetLease acquire(Path lockDir, int subnet) {
    SubnetLease lease = tryAcquire(lockDir, subnet);
    if (lease == null) {
      throw new IllegalStateException(
          "Test subnet 10.200." + subnet + ".0/24 is in use by another test run (lock " + lockFile(lockDir, subnet) + ")");
    }
    return lease;
  }

  private static SubnetLease tryAcquire(Path lockDir, int subnet) {
    FileChannel channel = null;
    try {
      Files.createDirectories(lockDir);
      channel =
          FileChannel.open(lockFile(lockDir, subnet), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new SubnetLease(subnet, channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // held by another fixture of this JVM
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock test subnet " + subnet + " in " + lockDir, e);
    }
    closeQuietly(channel);
    return null;
  }

  private static Path lockFile(Path lockDir, int subnet) {
    return lockDir.resolve("subnet-" + subnet + ".lock");
  }

  private static String routesOfThisMachine() {
    ExecResult routes = TestbedScripts.run(List.of("ip", "-4", "route", "show"), null, Duration.ofSeconds(10));
    return routes.orThrow("ip -4 route show").stdout();
  }

  int subnet() {
    return subnet;
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it as well
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
