package dev.machine.cli;

import dev.machine.core.Progress;
import dev.machine.core.driver.DriverRegistry;
import dev.machine.core.host.NewHosts;
import dev.machine.core.provision.Provisioning;
import dev.machine.core.provision.SshProvisioning;
import dev.machine.core.store.FileStore;
import dev.machine.core.store.Store;
import dev.machine.core.store.StorePaths;
import java.nio.file.Path;
import java.util.Map;

/**
 * The core objects commands use, built on first use only: a command that needs no store does not
 * pay for one, and nothing loads a driver until a machine is read.
 */
public final class Services {
  private final GlobalOptions globals;
  private final Map<String, String> env;
  private DriverRegistry drivers;
  private Store store;

  Services(GlobalOptions globals, Map<String, String> env) {
    this.globals = globals;
    this.env = env;
  }

  /** The store's root: {@code -s}, else {@code $MACHINE_STORAGE_PATH}, else {@code ~/.docker/machine}. */
  public Path storeRoot() {
    return StorePaths.root(globals.storagePath(), env);
  }

  public synchronized DriverRegistry drivers() {
    if (drivers == null) {
      drivers = DriverRegistry.discover(Services.class.getClassLoader());
    }
    return drivers;
  }

  public synchronized Store store(Progress progress) {
    if (store == null) {
      store = new FileStore(storeRoot(), drivers(), progress);
    }
    return store;
  }

  /** The {@code --tls-*} overrides of the store's certificate paths. */
  public NewHosts.TlsPaths tlsPaths() {
    return new NewHosts.TlsPaths(
        globals.tlsCaCert(), globals.tlsCaKey(), globals.tlsClientCert(), globals.tlsClientKey());
  }

  /** Installing Docker over SSH. */
  public Provisioning provisioning() {
    return SshProvisioning.standard();
  }
}
