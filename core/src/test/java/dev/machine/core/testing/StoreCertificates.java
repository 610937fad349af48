package dev.machine.core.testing;

import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.NewHosts;
import java.nio.file.Path;
import java.util.List;

/** Docker Machine's certificate paths for a store and a machine (config.json's {@code AuthOptions}). */
public final class StoreCertificates {
  private StoreCertificates() {}

  /** {@code <store>/certs/{ca,ca-key,cert,key}.pem} and {@code <store>/machines/<name>/server{,-key}.pem}. */
  public static AuthOptions authOptions(Path store, String machineName) {
    return authOptions(store, machineName, List.of());
  }

  /** As {@link #authOptions(Path, String)}, with extra server certificate SANs ({@code --tls-san}). */
  public static AuthOptions authOptions(Path store, String machineName, List<String> sans) {
    return NewHosts.authOptions(store, machineName, NewHosts.TlsPaths.DEFAULTS, sans);
  }
}
