package dev.machine.drivers.amazonec2;

import java.nio.file.Path;

/** Makes the machine's SSH key pair (the core's key generator stands behind this once it lands). */
interface MachineKeys {
  /**
   * Writes {@code privateKey} and {@code privateKey.pub} (both 0600) and returns the public key in
   * {@code authorized_keys} form.
   */
  String generate(Path privateKey);
}
