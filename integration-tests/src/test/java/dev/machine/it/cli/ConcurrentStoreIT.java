package dev.machine.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.it.cli.MachineRunner.Result;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many {@code machine} processes on one fresh store at once (Docker Machine's store races here). */
class ConcurrentStoreIT {
  static final int PROCESSES = 20;

  @TempDir Path store;

  @Test
  void twentyProcessesCreatingAndRemovingLeaveAConsistentStore() throws Exception {
    MachineRunner machine = new MachineRunner(store);
    ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
    List<Future<List<Result>>> runs = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      String name = "m" + i;
      boolean remove = i % 2 == 0;
      runs.add(pool.submit(() -> {
        List<Result> results = new ArrayList<>();
        results.add(machine.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", name));
        if (remove) {
          results.add(machine.run("rm", "-y", name));
        }
        return results;
      }));
    }
    for (Future<List<Result>> run : runs) {
      for (Result r : run.get()) {
        r.exits(0);
      }
    }
    pool.shutdown();

    List<String> kept = IntStream.range(0, PROCESSES).filter(i -> i % 2 == 1).mapToObj(i -> "m" + i).sorted().toList();
    assertThat(machine.run("ls", "-q").exits(0).out().lines().toList()).containsExactlyElementsOf(kept);
    for (String name : kept) {
      assertThat(machine.run("inspect", "-f", "{{.Name}} {{.Driver.URL}}", name).exits(0).out())
          .isEqualTo(name + " tcp://127.0.0.1:1\n");
      assertThat(store.resolve("machines").resolve(name).resolve("ca.pem"))
          .hasSameBinaryContentAs(store.resolve("certs/ca.pem"));
    }

    try (Stream<Path> certs = Files.list(store.resolve("certs"))) {
      assertThat(certs.map(p -> p.getFileName().toString()).sorted().toList())
          .as("exactly one CA and one client certificate, no leftovers")
          .containsExactly("ca-key.pem", "ca.pem", "cert.pem", "key.pem");
    }
    X509Certificate ca = read(store.resolve("certs/ca.pem"));
    X509Certificate client = read(store.resolve("certs/cert.pem"));
    client.verify(ca.getPublicKey());
    assertThat(client.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
  }

  @Test
  void concurrentCreatesOfOneNameLeaveExactlyOneWinnerAndItsConfig() throws Exception {
    MachineRunner machine = new MachineRunner(store);
    int processes = 10;
    ExecutorService pool = Executors.newFixedThreadPool(processes);
    List<Future<Result>> runs = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      String url = "tcp://127.0.0.1:" + (10_000 + i);
      runs.add(pool.submit(() -> machine.run("create", "-d", "none", "--url", url, "same")));
    }
    List<Result> results = new ArrayList<>();
    for (Future<Result> run : runs) {
      results.add(run.get());
    }
    pool.shutdown();

    List<Result> won = results.stream().filter(r -> r.code() == 0).toList();
    assertThat(won).as("exactly one create succeeds: %s", results).hasSize(1);
    assertThat(results.stream().filter(r -> r.code() != 0))
        .allSatisfy(r -> assertThat(r.err()).isEqualTo("Docker machine \"same\" already exists\n"));
    // The machine is the winner's, not overwritten by a loser's config.
    String winnerUrl = machine.run("url", "same").exits(0).out().strip();
    int index = Integer.parseInt(winnerUrl.substring(winnerUrl.lastIndexOf(':') + 1)) - 10_000;
    assertThat(results.get(index).code()).as("the stored URL belongs to the create that succeeded").isZero();
  }

  private static X509Certificate read(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
