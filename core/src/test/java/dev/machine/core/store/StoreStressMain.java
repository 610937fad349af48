package dev.machine.core.store;

import dev.machine.core.Progress;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;

/**
 * One worker process of {@link FileStoreConcurrencyTest}: bootstraps a CA-like file under the
 * store lock, then saves, loads and removes machines from a small shared pool, and increments a
 * counter kept in a machine's config under that machine's lock.
 *
 * <p>Args: store root, worker id, iterations, counter increments. Prints {@code CA <content>} and
 * {@code OK}; exits 2 on any unexpected error.
 */
public final class StoreStressMain {
  static final String COUNTER = "counter";
  static final int POOL = 4;

  private StoreStressMain() {}

  public static void main(String[] args) {
    try {
      String ca = run(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      System.out.println("CA " + ca);
      System.out.println("OK");
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(2);
    }
  }

  /** Returns the CA content this worker saw. */
  static String run(Path root, int worker, int iterations, int increments) {
    FileStore store = new FileStore(root, UrlTestDriver.registry());
    String ca = store.withStoreLock(() -> bootstrapCa(store, worker));
    Random random = new Random(worker);
    for (int i = 0; i < iterations; i++) {
      String name = "m" + random.nextInt(POOL);
      switch (random.nextInt(4)) {
        case 0, 1 -> store.save(host(store, name, "tcp://10.0." + worker + "." + i + ":2376", List.of()));
        case 2 -> {
          try {
            Host loaded = store.load(name);
            if (!loaded.driver().url().startsWith("tcp://10.0.")) {
              throw new IllegalStateException("loaded a wrong URL: " + loaded.driver().url());
            }
          } catch (MachineNotFoundException removedMeanwhile) {
            // expected: another worker removed it
          }
        }
        default -> store.remove(name);
      }
      if (i < increments) {
        increment(store);
      }
    }
    return ca;
  }

  /** Like the CA bootstrap: check, then create in several non-atomic steps; only the lock makes it safe. */
  private static String bootstrapCa(FileStore store, int worker) {
    try {
      Path ca = store.certsDir().resolve("ca.pem");
      if (!Files.exists(ca)) {
        Files.createDirectories(ca.getParent());
        Files.writeString(ca, "CA of worker ");
        Thread.sleep(20);
        Files.writeString(ca, worker + "\n", StandardOpenOption.APPEND);
        Files.writeString(store.certsDir().resolve("creators"), worker + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      return Files.readString(ca).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Read-modify-write of a label under the machine lock; save() re-takes the lock (reentrant). */
  private static void increment(FileStore store) {
    store.withMachineLock(
        COUNTER,
        () -> {
          int count = 0;
          if (store.exists(COUNTER)) {
            count = counterValue(store.load(COUNTER));
          }
          store.save(host(store, COUNTER, "tcp://10.0.0.1:2376", List.of("count=" + (count + 1))));
          return null;
        });
  }

  static int counterValue(Host host) {
    return Integer.parseInt(host.hostOptions().engineOptions().labels().get(0).substring("count=".length()));
  }

  static Host host(FileStore store, String name, String url, List<String> labels) {
    UrlTestDriver driver = new UrlTestDriver(new DriverContext(name, store.root(), Progress.SILENT));
    driver.attach(url);
    HostOptions base = StoreFixtures.createdOptions(store.root(), name);
    EngineOptions e = base.engineOptions();
    EngineOptions withLabels =
        new EngineOptions(
            e.arbitraryFlags(), e.dns(), e.graphDir(), e.env(), e.ipv6(), e.insecureRegistry(), labels, e.logLevel(),
            e.storageDriver(), e.selinuxEnabled(), e.tlsVerify(), e.registryMirror(), e.installUrl());
    return new Host(name, "none", driver, new HostOptions("", 0, 0, withLabels, base.swarmOptions(), base.authOptions()));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
