package dev.machine.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.core.host.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many processes (and threads) using one fresh store at once, as parallel {@code create}s, a
 * {@code ls} and an {@code rm} would: nothing is lost or half-written, the CA is made once.
 */
class FileStoreConcurrencyTest {
  private static final int PROCESSES = 20;
  private static final int ITERATIONS = 40;
  private static final int INCREMENTS = 10;

  @TempDir Path temp;

  @Test
  void twentyProcessesShareAFreshStore() throws Exception {
    Path root = temp.resolve("store");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int worker = 0; worker < PROCESSES; worker++) {
      Path out = temp.resolve("worker-" + worker + ".out");
      outputs.add(out);
      processes.add(
          new ProcessBuilder(
                  java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", classPath,
                  StoreStressMain.class.getName(), root.toString(), String.valueOf(worker), String.valueOf(ITERATIONS),
                  String.valueOf(INCREMENTS))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start());
    }
    for (Process p : processes) {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
      }
    }
    List<String> cas = new ArrayList<>();
    for (int worker = 0; worker < PROCESSES; worker++) {
      Process p = processes.get(worker);
      List<String> lines = Files.readAllLines(outputs.get(worker));
      assertThat(p.exitValue()).as("worker %d output: %s", worker, lines).isZero();
      assertThat(lines).as("worker %d", worker).contains("OK");
      lines.stream().filter(l -> l.startsWith("CA ")).forEach(cas::add);
    }

    FileStore store = new FileStore(root, UrlTestDriver.registry());
    // The CA was created exactly once, completely, and every worker saw that one.
    assertThat(Files.readAllLines(store.certsDir().resolve("creators"))).hasSize(1);
    try (Stream<Path> certs = Files.list(store.certsDir())) {
      assertThat(certs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ca.pem", "creators");
    }
    assertThat(cas).hasSize(PROCESSES).allMatch(ca -> ca.equals(cas.get(0))).allMatch(ca -> ca.matches("CA CA of worker \\d+"));
    // No increment under the machine lock was lost.
    assertThat(StoreStressMain.counterValue(store.load(StoreStressMain.COUNTER))).isEqualTo(PROCESSES * INCREMENTS);
    assertEveryMachineLoadsAndNothingIsLeftOver(store);
  }

  @Test
  void threadsAndTwoStoreObjectsInOneJvmShareLocks() throws Exception {
    Path root = temp.resolve("store");
    FileStore first = new FileStore(root, UrlTestDriver.registry());
    FileStore second = new FileStore(root, UrlTestDriver.registry());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Object> cas = new ArrayList<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        FileStore store = t % 2 == 0 ? first : second;
        int worker = t;
        futures.add(
            pool.submit(
                () -> {
                  String ca = StoreStressMain.run(root, 100 + worker, 30, 15);
                  return store.withStoreLock(() -> store.withStoreLock(() -> ca));
                }));
      }
      for (Future<?> f : futures) {
        cas.add(f.get(10, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cas).hasSize(8).allMatch(ca -> ca.equals(cas.get(0)));
    assertThat(StoreStressMain.counterValue(first.load(StoreStressMain.COUNTER))).isEqualTo(8 * 15);
    assertThat(Files.readAllLines(first.certsDir().resolve("creators"))).hasSize(1);
    assertEveryMachineLoadsAndNothingIsLeftOver(first);
  }

  private static void assertEveryMachineLoadsAndNothingIsLeftOver(FileStore store) throws IOException {
    HostJson json = new HostJson();
    assertThat(store.list()).contains(StoreStressMain.COUNTER);
    for (String name : store.list()) {
      Host host = store.load(name);
      Path dir = store.machineDir(name);
      assertThat(new String(Files.readAllBytes(dir.resolve("config.json")), StandardCharsets.UTF_8))
          .isEqualTo(new String(json.write(host), StandardCharsets.UTF_8));
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).as(name).containsExactly("config.json");
      }
    }
    try (Stream<Path> entries = Files.list(store.machinesDir())) {
      assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
          .as("no half-removed machine left behind")
          .containsExactly(".locks");
    }
  }
}
