package dev.machine.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.State;
import dev.machine.core.provision.OsDetectionException;
import dev.machine.core.provision.Provisioning;
import dev.machine.core.testing.HostFixtures;
import dev.machine.core.testing.MemoryStore;
import dev.machine.core.testing.ScriptedDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCreatorTest {
  @TempDir Path root;

  final List<String> lines = new CopyOnWriteArrayList<>();
  final Progress progress =
      new Progress() {
        @Override
        public void info(String message) {
          lines.add(message);
        }

        @Override
        public void warn(String message) {
          lines.add(message);
        }
      };
  final List<String> provisioned = new ArrayList<>();
  final Provisioning provisioning =
      new Provisioning() {
        @Override
        public void provision(Host host, Progress p) {
          provisioned.add("provision " + host.name());
        }

        @Override
        public void waitForDocker(Host host, Progress p) {
          provisioned.add("waitForDocker " + host.name());
        }

        @Override
        public void configureAuth(Host host, Progress p) {
          provisioned.add("configureAuth " + host.name());
        }

        @Override
        public void upgrade(Host host, Progress p) {
          provisioned.add("upgrade " + host.name());
        }
      };
  final List<String> checked = new ArrayList<>();
  final MemoryStore store = new MemoryStore(Path.of("/unused"));

  /** Writes stand-in certificate files, as the real bootstrap would. */
  final CertificateSetup certs =
      auth -> {
        try {
          Files.createDirectories(Path.of(auth.certDir()));
          for (String path : List.of(auth.caCertPath(), auth.clientCertPath(), auth.clientKeyPath())) {
            if (Files.notExists(Path.of(path))) {
              Files.writeString(Path.of(path), Path.of(path).getFileName().toString());
            }
          }
        } catch (IOException e) {
          throw new MachineException(e.getMessage());
        }
      };

  HostCreator creator() {
    return new HostCreator(
        store, certs, provisioning, (h, swarm) -> { checked.add(h.name()); return "tcp://x:2376"; },
        new RetryWait(3, Duration.ZERO, d -> {}), progress);
  }

  @Test
  void noneMachineIsSavedWithCopiesOfTheStoreCertificatesAndNotProvisioned() throws IOException {
    ScriptedDriver driver = new ScriptedDriver("none", "dev");
    Host host = HostFixtures.host(root, "dev", driver, List.of());

    creator().create(host, false);

    assertThat(lines).containsExactly("Running pre-create checks...", "Creating machine...");
    assertThat(driver.calls).containsExactly("preCreateCheck", "create");
    assertThat(store.exists("dev")).isTrue();
    assertThat(store.saves.get("dev")).isGreaterThanOrEqualTo(2);
    Path dir = root.resolve("machines/dev");
    assertThat(Files.readString(dir.resolve("ca.pem"))).isEqualTo("ca.pem");
    assertThat(Files.readString(dir.resolve("cert.pem"))).isEqualTo("cert.pem");
    assertThat(Files.readString(dir.resolve("key.pem"))).isEqualTo("key.pem");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.pem")))).isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem")))).isEqualTo("rw-------");
    assertThat(provisioned).isEmpty();
    assertThat(checked).isEmpty();
  }

  @Test
  void otherDriversWaitProvisionAndCheck() {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    creator().create(HostFixtures.host(root, "h1", driver, List.of()), false);

    assertThat(lines)
        .containsExactly(
            "Running pre-create checks...",
            "Creating machine...",
            "Waiting for machine to be running, this may take a few minutes...",
            "Detecting operating system of created instance...",
            "Checking connection to Docker...",
            "Docker is up and running!");
    assertThat(provisioned).containsExactly("provision h1");
    assertThat(checked).containsExactly("h1");
  }

  @Test
  void preCreateCheckFailureSavesNothing() {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    driver.failOnPreCreate = new MachineException("SSH key does not exist: \"/nonexistent\"");

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "h1", driver, List.of()), false))
        .isInstanceOf(PreCreateCheckException.class)
        .hasMessage("Error with pre-create check: \"SSH key does not exist: \\\"/nonexistent\\\"\"");
    assertThat(store.exists("h1")).isFalse();
    assertThat(driver.calls).containsExactly("preCreateCheck");
  }

  @Test
  void failedCreateRemovesWhatItMade() {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    driver.failOnCreate = new MachineException("quota exceeded");

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "h1", driver, List.of()), false))
        .hasMessage("Error creating machine: Error in driver during machine creation: quota exceeded");
    assertThat(driver.calls).containsExactly("preCreateCheck", "create", "remove");
    assertThat(store.exists("h1")).isFalse();
    assertThat(lines).anyMatch(l -> l.contains("--keep-on-failure"));
  }

  @Test
  void failedProvisioningRemovesTheMachineToo() {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    driver.state = State.STOPPED;

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "h1", driver, List.of()), false))
        .hasMessage(
            "Error creating machine: Error waiting for machine to be running: Maximum number of retries (3) exceeded");
    assertThat(driver.calls).endsWith("remove");
    assertThat(store.exists("h1")).isFalse();
  }

  @Test
  void keepOnFailureKeepsTheMachine() {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    driver.failOnCreate = new MachineException("quota exceeded");

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "h1", driver, List.of()), true))
        .hasMessageContaining("quota exceeded");
    assertThat(driver.calls).doesNotContain("remove");
    assertThat(store.exists("h1")).isTrue();
  }

  @Test
  void cleanupThatCannotRemoveTheResourcesKeepsTheConfigurationForRmF() {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    driver.failOnCreate = new MachineException("quota exceeded");
    driver.failOnRemove = new MachineException("API unreachable");

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "h1", driver, List.of()), false))
        .hasMessageContaining("quota exceeded");
    assertThat(store.exists("h1")).isTrue();
    assertThat(lines).anyMatch(l -> l.contains("API unreachable") && l.contains("rm -f h1"));
  }

  /** A driver create that runs until its thread is interrupted, as a sleep or an SSH wait does. */
  static Runnable blockUntilInterrupted(CountDownLatch entered) {
    return () -> {
      entered.countDown();
      try {
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MachineException("interrupted");
      }
    };
  }

  /** Cancels from another thread once the create has entered the driver. */
  static Thread cancelWhen(CountDownLatch entered, CreateCancellation cancellation) {
    Thread t =
        new Thread(
            () -> {
              try {
                entered.await();
                cancellation.cancel();
              } catch (InterruptedException ignored) {
                // the test ends
              }
            });
    t.start();
    return t;
  }

  @Test
  void cancelledCreateStopsAndCleansUpOnAThreadThatIsNoLongerInterrupted() throws Exception {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    CountDownLatch entered = new CountDownLatch(1);
    driver.onCreate = blockUntilInterrupted(entered);
    List<Boolean> interruptedDuringRemove = new CopyOnWriteArrayList<>();
    driver.onRemove = () -> interruptedDuringRemove.add(Thread.currentThread().isInterrupted());
    CreateCancellation cancellation = new CreateCancellation();
    Thread canceller = cancelWhen(entered, cancellation);

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "h1", driver, List.of()), false, cancellation))
        .hasMessage("Error creating machine: interrupted");
    canceller.join();

    assertThat(driver.calls).containsExactly("preCreateCheck", "create", "remove");
    assertThat(interruptedDuringRemove).containsExactly(false);
    assertThat(store.exists("h1")).isFalse();
    assertThat(lines)
        .contains(
            "Removing what the interrupted create made for machine \"h1\" (use --keep-on-failure to keep it)...",
            "Removed machine \"h1\": its driver's resources and its configuration.");
    assertThat(Thread.currentThread().isInterrupted()).as("the caller's thread is left uninterrupted").isFalse();
  }

  @Test
  void cancelledWaitForRunningStopsAtOnce() throws Exception {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    driver.state = State.STOPPED;
    CountDownLatch waiting = new CountDownLatch(1);
    driver.stateAnswer =
        () -> {
          waiting.countDown();
          return State.STOPPED;
        };
    // A wait long enough that only an interrupt ends it within the test.
    HostCreator creator =
        new HostCreator(store, certs, provisioning, (h, s) -> "", new RetryWait(1000, Duration.ofMinutes(1), d -> Thread.sleep(d.toMillis())), progress);
    CreateCancellation cancellation = new CreateCancellation();
    Thread canceller = cancelWhen(waiting, cancellation);

    assertThatThrownBy(() -> creator.create(HostFixtures.host(root, "h1", driver, List.of()), false, cancellation))
        .hasMessage("Error creating machine: interrupted");
    canceller.join();
    assertThat(driver.calls).endsWith("remove");
    assertThat(provisioned).isEmpty();
    assertThat(store.exists("h1")).isFalse();
  }

  @Test
  void createCancelledBeforeItClaimsTheNameSavesNothing() {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    CreateCancellation cancellation = new CreateCancellation();
    cancellation.cancel();

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "h1", driver, List.of()), false, cancellation))
        .hasMessage("Error creating machine: interrupted");
    assertThat(driver.calls).containsExactly("preCreateCheck");
    assertThat(store.exists("h1")).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void cancelledCreateWithKeepOnFailureKeepsTheMachineForRm() throws Exception {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    CountDownLatch entered = new CountDownLatch(1);
    driver.onCreate = blockUntilInterrupted(entered);
    CreateCancellation cancellation = new CreateCancellation();
    Thread canceller = cancelWhen(entered, cancellation);

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "h1", driver, List.of()), true, cancellation))
        .hasMessage("Error creating machine: interrupted");
    canceller.join();
    assertThat(driver.calls).doesNotContain("remove");
    assertThat(store.exists("h1")).isTrue();
    assertThat(lines).anyMatch(l -> l.startsWith("Keeping what the interrupted create made for machine \"h1\""));
  }

  @Test
  void aCancelThatComesAfterTheCreateFinishedChangesNothing() {
    ScriptedDriver driver = new ScriptedDriver("generic", "h1");
    CreateCancellation cancellation = new CreateCancellation();

    creator().create(HostFixtures.host(root, "h1", driver, List.of()), false, cancellation);
    cancellation.cancel();

    assertThat(store.exists("h1")).isTrue();
    assertThat(driver.calls).doesNotContain("remove");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void existingMachineIsNotOverwritten() {
    store.with(HostFixtures.host(root, "dev", new ScriptedDriver("none", "dev"), List.of()));
    ScriptedDriver driver = new ScriptedDriver("none", "dev");

    assertThatThrownBy(() -> creator().create(HostFixtures.host(root, "dev", driver, List.of()), false))
        .hasMessage("Docker machine \"dev\" already exists");
    assertThat(driver.calls).doesNotContain("create");
  }

  @Test
  void certificateFailureIsReportedAsDockerMachineDoes() {
    HostCreator creator =
        new HostCreator(store, a -> { throw new MachineException("certificate authority key already exists"); },
            provisioning, (h, s) -> "", new RetryWait(1, Duration.ZERO, d -> {}), progress);

    assertThatThrownBy(() -> creator.create(HostFixtures.host(root, "dev", new ScriptedDriver("none", "dev"), List.of()), false))
        .hasMessage("Error generating certificates: certificate authority key already exists");
    assertThat(store.exists("dev")).isFalse();
  }

  @Test
  void aFailedOsDetectionReadsErrorDetectingOs() {
    HostCreator creator = creatorProvisioningWith(() -> {
      throw new OsDetectionException(new MachineException("OS type not recognized"));
    });

    assertThatThrownBy(() -> creator.create(HostFixtures.host(root, "h1", new ScriptedDriver("generic", "h1"), List.of()), false))
        .hasMessage("Error creating machine: Error detecting OS: OS type not recognized");
  }

  @Test
  void aFailureAfterDetectionReadsErrorRunningProvisioning() {
    HostCreator creator = creatorProvisioningWith(() -> {
      throw new MachineException("sudo systemctl -f start docker: exit status 1: unknown flag: --x");
    });

    assertThatThrownBy(() -> creator.create(HostFixtures.host(root, "h1", new ScriptedDriver("generic", "h1"), List.of()), false))
        .hasMessage("Error creating machine: Error running provisioning: sudo systemctl -f start docker: exit status 1: "
            + "unknown flag: --x");
  }

  private HostCreator creatorProvisioningWith(Runnable provision) {
    Provisioning failing = new Provisioning() {
      @Override
      public void provision(Host host, Progress p) {
        provision.run();
      }

      @Override
      public void waitForDocker(Host host, Progress p) {}

      @Override
      public void configureAuth(Host host, Progress p) {}

      @Override
      public void upgrade(Host host, Progress p) {}
    };
    return new HostCreator(store, certs, failing, (h, s) -> "", new RetryWait(1, Duration.ZERO, d -> {}), progress);
  }
}
