package dev.machine.core.host;

import dev.machine.core.DebugLog;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.State;
import dev.machine.core.golang.GoQuote;
import dev.machine.core.provision.OsDetectionException;
import dev.machine.core.provision.Provisioning;
import dev.machine.core.store.Store;

/**
 * Docker Machine's {@code api.Create}, with one difference: a create that fails after something
 * was made removes it again (driver resources and the machine's directory), unless asked to keep it.
 */
public final class HostCreator {
  /** The driver name whose machines are only a URL: no wait, no provisioning, no check. */
  public static final String NONE_DRIVER = "none";

  private final Store store;
  private final CertificateSetup certificates;
  private final Provisioning provisioning;
  private final ConnectionCheck connectionCheck;
  private final RetryWait wait;
  private final Progress progress;

  public HostCreator(
      Store store,
      CertificateSetup certificates,
      Provisioning provisioning,
      ConnectionCheck connectionCheck,
      RetryWait wait,
      Progress progress) {
    this.store = store;
    this.certificates = certificates;
    this.provisioning = provisioning;
    this.connectionCheck = connectionCheck;
    this.wait = wait;
    this.progress = progress;
  }

  /**
   * Creates the machine. The driver must already hold its flag values. On failure the message is
   * the cause on one line; a {@link PreCreateCheckException} means nothing was saved.
   */
  public void create(Host host, boolean keepOnFailure) {
    create(host, keepOnFailure, CreateCancellation.never());
  }

  /**
   * As {@link #create(Host, boolean)}, stopping early when {@code cancellation} is cancelled: a
   * create stopped after it claimed the machine cleans up exactly as a failed one, and fails
   * with {@code Error creating machine: interrupted}.
   */
  public void create(Host host, boolean keepOnFailure, CreateCancellation cancellation) {
    try {
      prepare(host);
      cancellation.stopIfCancelled();
    } catch (RuntimeException e) {
      // Nothing is saved yet: there is nothing to clean up.
      throw cancellation.isCancelled() ? interrupted(e) : e;
    }
    claim(host);

    progress.info("Creating machine...");
    try {
      // Interrupts only from here on: certificates and the store's claim are never cut half-way.
      cancellation.allowInterrupts();
      try {
        cancellation.stopIfCancelled();
        performCreate(host, cancellation);
      } finally {
        cancellation.stopInterrupts();
      }
    } catch (RuntimeException e) {
      // Any failure, a bug included, must not leave half a machine (or its cloud resources) behind.
      boolean interrupted = cancellation.isCancelled();
      if (keepOnFailure) {
        if (interrupted) {
          saveQuietly(host); // a save made while interrupted may have failed
        }
        progress.warn(
            "Keeping what the "
                + (interrupted ? "interrupted" : "failed")
                + " create made for machine \""
                + host.name()
                + "\" (--keep-on-failure); remove it with 'rm "
                + host.name()
                + "'.");
      } else {
        cleanUp(host, interrupted ? "interrupted" : "failed");
      }
      if (interrupted) {
        throw interrupted(e);
      }
      throw new MachineException(
          "Error creating machine: " + (e instanceof MachineException ? e.getMessage() : e.toString()), e);
    }
  }

  private static MachineException interrupted(Throwable cause) {
    return new MachineException("Error creating machine: interrupted", cause);
  }

  private void prepare(Host host) {
    AuthOptions auth = host.hostOptions().authOptions();
    try {
      store.withStoreLock(
          () -> {
            certificates.bootstrap(auth);
            return null;
          });
    } catch (MachineException e) {
      throw new MachineException("Error generating certificates: " + e.getMessage(), e);
    }

    progress.info("Running pre-create checks...");
    DebugLog.debug(HostCreator.class, "Pre-create check of driver {} for machine {}", host.driverName(), host.name());
    try {
      host.driver().preCreateCheck();
    } catch (MachineException e) {
      throw new PreCreateCheckException(
          "Error with pre-create check: " + GoQuote.quote(e.getMessage()), e);
    }
  }

  /**
   * Checked and claimed under the machine's lock: two processes creating the same name must not
   * both see it free, or the second save would overwrite the first one's config.
   */
  private void claim(Host host) {
    store.withMachineLock(
        host.name(),
        () -> {
          if (store.exists(host.name())) {
            throw new MachineException("Docker machine \"" + host.name() + "\" already exists");
          }
          try {
            store.save(host);
          } catch (MachineException e) {
            throw new MachineException(
                "Error saving host to store before attempting creation: " + e.getMessage(), e);
          }
          return null;
        });
  }

  private void performCreate(Host host, CreateCancellation cancellation) {
    Driver driver = host.driver();
    long start = System.nanoTime();
    try {
      driver.create();
      DebugLog.debug(HostCreator.class, "Driver {} created machine {} in {} ms", host.driverName(), host.name(),
          DebugLog.millisSince(start));
    } catch (MachineException e) {
      throw new MachineException("Error in driver during machine creation: " + e.getMessage(), e);
    } finally {
      // Whatever the driver made (an instance id, an IP) is recorded even if it failed half-way.
      saveQuietly(host);
    }
    cancellation.stopIfCancelled();
    saveAfterCreate(host);

    if (NONE_DRIVER.equals(host.driverName())) {
      MachineCertificates.copyToMachineDir(host.hostOptions().authOptions());
      DebugLog.debug(HostCreator.class, "Machine {} has driver none: certificates copied to {}, no provisioning",
          host.name(), host.hostOptions().authOptions().storePath());
      return;
    }

    progress.info("Waiting for machine to be running, this may take a few minutes...");
    try {
      long waitStart = System.nanoTime();
      wait.waitFor(() -> driver.state() == State.RUNNING);
      DebugLog.debug(HostCreator.class, "Machine {} is running after {} ms", host.name(), DebugLog.millisSince(waitStart));
    } catch (MachineException e) {
      throw new MachineException("Error waiting for machine to be running: " + e.getMessage(), e);
    }
    cancellation.stopIfCancelled();

    progress.info("Detecting operating system of created instance...");
    try {
      long provisionStart = System.nanoTime();
      provisioning.provision(host, progress);
      DebugLog.debug(HostCreator.class, "Provisioned machine {} in {} ms", host.name(), DebugLog.millisSince(provisionStart));
    } catch (OsDetectionException e) {
      throw new MachineException("Error detecting OS: " + e.getMessage(), e);
    } catch (MachineException e) {
      throw new MachineException("Error running provisioning: " + e.getMessage(), e);
    }
    cancellation.stopIfCancelled();
    saveAfterCreate(host);

    progress.info("Checking connection to Docker...");
    try {
      connectionCheck.check(host, false);
    } catch (MachineException e) {
      throw new MachineException("Error checking the host: " + e.getMessage(), e);
    }
    progress.info("Docker is up and running!");
  }

  private void saveAfterCreate(Host host) {
    try {
      store.save(host);
    } catch (MachineException e) {
      throw new MachineException(
          "Error saving host to store after attempting creation: " + e.getMessage(), e);
    }
  }

  private void saveQuietly(Host host) {
    try {
      store.save(host);
    } catch (RuntimeException ignored) {
      // The error that matters is the driver's; saveAfterCreate reports a failing store.
    }
  }

  /** Removes the driver's resources, then the machine's directory; says what it removed. */
  private void cleanUp(Host host, String how) {
    progress.info(
        "Removing what the "
            + how
            + " create made for machine \""
            + host.name()
            + "\" (use --keep-on-failure to keep it)...");
    try {
      host.driver().remove();
    } catch (RuntimeException e) {
      saveQuietly(host); // what is left, for rm -f (a save made while interrupted may have failed)
      progress.warn(
          "Could not remove the machine's resources: "
              + e.getMessage()
              + ". Its configuration is kept: remove it with 'rm -f "
              + host.name()
              + "' once the cause is fixed.");
      return;
    }
    try {
      store.remove(host.name());
    } catch (RuntimeException e) {
      progress.warn(
          "Removed the driver's resources of machine \""
              + host.name()
              + "\", but not its directory: "
              + e.getMessage());
      return;
    }
    progress.info("Removed machine \"" + host.name() + "\": its driver's resources and its configuration.");
  }
}
