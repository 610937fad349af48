package dev.machine.core.host;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.State;
import dev.machine.core.golang.GoQuote;
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
    try {
      host.driver().preCreateCheck();
    } catch (MachineException e) {
      throw new PreCreateCheckException(
          "Error with pre-create check: " + GoQuote.quote(e.getMessage()), e);
    }

    // Checked and claimed under the machine's lock: two processes creating the same name must
    // not both see it free, or the second save would overwrite the first one's config.
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

    progress.info("Creating machine...");
    try {
      performCreate(host);
    } catch (RuntimeException e) {
      // Any failure, a bug included, must not leave half a machine (or its cloud resources) behind.
      String message =
          "Error creating machine: " + (e instanceof MachineException ? e.getMessage() : e.toString());
      if (keepOnFailure) {
        progress.warn(
            "Keeping what the failed create made for machine \""
                + host.name()
                + "\" (--keep-on-failure); remove it with 'rm "
                + host.name()
                + "'.");
      } else {
        cleanUp(host);
      }
      throw new MachineException(message, e);
    }
  }

  private void performCreate(Host host) {
    Driver driver = host.driver();
    try {
      driver.create();
    } catch (MachineException e) {
      throw new MachineException("Error in driver during machine creation: " + e.getMessage(), e);
    } finally {
      // Whatever the driver made (an instance id, an IP) is recorded even if it failed half-way.
      saveQuietly(host);
    }
    saveAfterCreate(host);

    if (NONE_DRIVER.equals(host.driverName())) {
      MachineCertificates.copyToMachineDir(host.hostOptions().authOptions());
      return;
    }

    progress.info("Waiting for machine to be running, this may take a few minutes...");
    try {
      wait.waitFor(() -> driver.state() == State.RUNNING);
    } catch (MachineException e) {
      throw new MachineException("Error waiting for machine to be running: " + e.getMessage(), e);
    }

    progress.info("Detecting operating system of created instance...");
    try {
      provisioning.provision(host, progress);
    } catch (MachineException e) {
      throw new MachineException("Error running provisioning: " + e.getMessage(), e);
    }
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

  private void cleanUp(Host host) {
    progress.info(
        "Removing what the failed create made for machine \""
            + host.name()
            + "\" (use --keep-on-failure to keep it)...");
    try {
      host.driver().remove();
    } catch (RuntimeException e) {
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
      progress.warn("Could not remove the machine's directory: " + e.getMessage());
    }
  }
}
