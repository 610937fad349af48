package dev.machine.core.store;

import dev.machine.core.DebugLog;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverRegistry;
import dev.machine.core.driver.NotFoundDriver;
import dev.machine.core.files.AtomicFiles;
import dev.machine.core.host.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The store on disk, readable and writable by Docker Machine 0.16 and by this program alike
 * (§3): {@code <root>/machines/<name>/config.json}, directories 0700, files 0600.
 *
 * <p>Better than Docker Machine's: every write is atomic and durable (temp file, fsync, rename,
 * fsync of the directory), removal is atomic (the directory is first renamed out of sight), and
 * there are locks across processes: a store-wide one ({@code <root>/.machine.lock}) and one per
 * machine ({@code <root>/machines/.locks/<name>.lock}; Docker Machine ignores directories
 * starting with a dot). Locks are reentrant for a thread. When both are needed, take the store
 * lock first, then the machine's, or two processes can deadlock.
 *
 * <p>Reading takes no lock: readers see either the old or the new config.json. Migrating an old
 * config.json writes, so that happens under the machine's lock.
 */
public final class FileStore implements Store {
  static final String CONFIG_FILE = "config.json";
  static final String BACKUP_FILE = "config.json.bak";
  private static final String STORE_LOCK = ".machine.lock";
  private static final String LOCKS_DIR = ".locks";

  private final Path root;
  private final DriverRegistry drivers;
  private final Progress progress;
  private final HostJson json = new HostJson();
  private final FileLocks locks;

  /** A store whose drivers report nothing. */
  public FileStore(Path root, DriverRegistry drivers) {
    this(root, drivers, Progress.SILENT);
  }

  /**
   * @param root the store root, e.g. from {@link StorePaths#root}
   * @param drivers the installed drivers; a machine whose driver is missing loads with a
   *     {@link NotFoundDriver}
   * @param progress where loaded drivers report, each line prefixed with {@code (name) }
   */
  public FileStore(Path root, DriverRegistry drivers, Progress progress) {
    this.root = root.toAbsolutePath().normalize();
    this.drivers = drivers;
    this.progress = progress;
    this.locks = new FileLocks();
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public Path certsDir() {
    return root.resolve("certs");
  }

  /** {@code <root>/machines}. */
  public Path machinesDir() {
    return root.resolve("machines");
  }

  /**
   * {@inheritDoc}
   *
   * @throws MachineException if {@code name} is not a single, non-hidden path element (so that
   *     no name can reach outside {@code machines/}, e.g. {@code ..})
   */
  @Override
  public Path machineDir(String name) {
    if (!isStorableName(name)) {
      throw new MachineException("Invalid machine name \"" + name + "\"");
    }
    return machinesDir().resolve(name);
  }

  /** Sorted by their UTF-8 bytes, as Go's directory listing is. Symbolic links are not listed (Go uses lstat). */
  @Override
  public List<String> list() {
    Path machines = machinesDir();
    if (!Files.isDirectory(machines)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(machines)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          names.add(name);
        }
      }
    } catch (NoSuchFileException | NotDirectoryException gone) {
      return List.of();
    } catch (IOException e) {
      throw new MachineException("Error listing " + machines + ": " + e.getMessage(), e);
    }
    names.sort(
        (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    return List.copyOf(names);
  }

  @Override
  public boolean exists(String name) {
    return isStorableName(name) && Files.isDirectory(machinesDir().resolve(name));
  }

  /**
   * {@inheritDoc}
   *
   * @throws MachineNotFoundException if there is no such machine
   * @throws MachineException {@code open <path>: no such file or directory} without a config.json,
   *     {@code Error getting migrated host: <reason>} when it cannot be read
   */
  @Override
  public Host load(String name) {
    if (!exists(name)) {
      throw new MachineNotFoundException(name);
    }
    StoredHost stored = parse(readConfig(name));
    if (stored.migrated()) {
      return withMachineLock(name, () -> migrate(name));
    }
    DebugLog.debug(FileStore.class, "Loaded machine {} (driver {}) from the store in {}", name, stored.driverName(), root);
    return toHost(name, stored);
  }

  /** Migrates under the machine's lock; another process may have done it meanwhile. */
  private Host migrate(String name) {
    if (!exists(name)) {
      throw new MachineNotFoundException(name);
    }
    byte[] original = readConfig(name);
    StoredHost stored = parse(original);
    Host host = toHost(name, stored);
    if (stored.migrated()) {
      try {
        AtomicFiles.write(machineDir(name).resolve(BACKUP_FILE), original, AtomicFiles.PRIVATE);
      } catch (IOException e) {
        throw new MachineException("Error attempting to save backup after migration: " + describe(e), e);
      }
      try {
        save(host);
      } catch (MachineException e) {
        throw new MachineException("Error saving config after migration was performed: " + e.getMessage(), e);
      }
      if (DebugLog.enabled()) {
        DebugLog.debug(FileStore.class, "Migrated the config of machine {} from version {} to {}; the original is in {}",
            name, json.version(original), Host.CONFIG_VERSION, BACKUP_FILE);
      }
    }
    return host;
  }

  private byte[] readConfig(String name) {
    Path config = machineDir(name).resolve(CONFIG_FILE);
    // Removed and created again by others between two steps here: read again (a few times).
    for (int attempt = 1; ; attempt++) {
      try {
        return Files.readAllBytes(config);
      } catch (NoSuchFileException e) {
        if (!exists(name)) {
          throw new MachineNotFoundException(name); // removed while we were reading
        }
        if (attempt == 3) {
          throw new MachineException("open " + config + ": no such file or directory", e);
        }
      } catch (IOException e) {
        throw new MachineException("open " + config + ": " + describe(e), e);
      }
    }
  }

  private StoredHost parse(byte[] bytes) {
    try {
      return json.read(bytes, root);
    } catch (MachineException e) {
      throw new MachineException("Error getting migrated host: " + e.getMessage(), e);
    }
  }

  private Host toHost(String name, StoredHost stored) {
    Driver driver =
        drivers
            .find(stored.driverName())
            .map(
                provider -> {
                  Driver d = provider.newDriver(new DriverContext(name, root, progress.prefixed("(" + name + ") ")));
                  d.readConfig(stored.driver());
                  return d;
                })
            .orElseGet(() -> new NotFoundDriver(stored.driverName(), name, stored.driver()));
    return new Host(name, stored.driverName(), driver, stored.hostOptions());
  }

  /**
   * {@inheritDoc} The bytes are computed before anything is touched, so a failing driver leaves
   * the old file. A new machine's directory appears with its config.json already in it (it is
   * built under a hidden name, then renamed), so nobody sees a machine without a config.
   */
  @Override
  public void save(Host host) {
    withMachineLock(
        host.name(),
        () -> {
          byte[] bytes = json.write(host);
          Path dir = machineDir(host.name());
          try {
            if (!Files.isDirectory(dir) && createWithConfig(host.name(), dir, bytes)) {
              DebugLog.debug(FileStore.class, "Saved new machine {} in {}", host.name(), dir);
              return null;
            }
            AtomicFiles.write(dir.resolve(CONFIG_FILE), bytes, AtomicFiles.PRIVATE);
            DebugLog.debug(FileStore.class, "Saved machine {} in {}", host.name(), dir);
          } catch (IOException e) {
            throw new MachineException("Error saving " + dir.resolve(CONFIG_FILE) + ": " + describe(e), e);
          }
          return null;
        });
  }

  /** Creates the machine directory holding config.json in one rename; false if the directory appeared meanwhile. */
  private boolean createWithConfig(String name, Path dir, byte[] bytes) throws IOException {
    Path staging = hiddenSibling(name, "creating");
    AtomicFiles.createPrivateDirectories(staging);
    try {
      AtomicFiles.write(staging.resolve(CONFIG_FILE), bytes, AtomicFiles.PRIVATE);
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.syncDirectory(machinesDir());
      return true;
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException createdByOthers) {
      return false; // e.g. by Docker Machine itself, which takes no lock: write into it instead
    } finally {
      StoreFiles.deleteRecursively(staging);
    }
  }

  /** A name in {@code machines/} that lists and Docker Machine ignore (it starts with a dot). */
  private Path hiddenSibling(String name, String purpose) {
    return machinesDir().resolve("." + name + "." + purpose + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
  }

  /**
   * {@inheritDoc} The directory is first renamed to a hidden name in {@code machines/}, so that
   * nobody ever sees half a machine, then deleted. A missing machine is not an error.
   */
  @Override
  public void remove(String name) {
    Path dir = machineDir(name);
    withMachineLock(
        name,
        () -> {
          if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return null;
          }
          Path hidden = hiddenSibling(name, "removing");
          try {
            Files.move(dir, hidden, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(machinesDir());
            StoreFiles.deleteRecursively(hidden);
            DebugLog.debug(FileStore.class, "Removed machine directory {}", dir);
          } catch (IOException e) {
            throw new MachineException("Error removing " + dir + ": " + describe(e), e);
          }
          return null;
        });
  }

  @Override
  public <T> T withStoreLock(Supplier<T> action) {
    return locks.withLock(root.resolve(STORE_LOCK), action);
  }

  @Override
  public <T> T withMachineLock(String name, Supplier<T> action) {
    return locks.withLock(machinesDir().resolve(LOCKS_DIR).resolve(machineDir(name).getFileName() + ".lock"), action);
  }

  /** A machine name that is one visible path element: no separator, not {@code .} or {@code ..}. */
  private static boolean isStorableName(String name) {
    return name != null
        && !name.isEmpty()
        && !name.startsWith(".")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage();
  }
}
