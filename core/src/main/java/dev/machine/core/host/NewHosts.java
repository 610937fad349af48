package dev.machine.core.host;

import java.nio.file.Path;
import java.util.List;

/** Builds the options a new machine is saved with, as Docker Machine's {@code create} does. */
public final class NewHosts {
  private NewHosts() {}

  /**
   * Where the store's certificates may be overridden by the {@code --tls-*} global flags. Empty
   * strings mean "the store's default".
   */
  public record TlsPaths(String caCert, String caKey, String clientCert, String clientKey) {
    public static final TlsPaths DEFAULTS = new TlsPaths("", "", "", "");
  }

  /**
   * The machine's {@code AuthOptions}: CA and client from the store's {@code certs/} (or the
   * overrides), server certificate and {@code StorePath} in the machine's directory.
   */
  public static AuthOptions authOptions(Path storeRoot, String name, TlsPaths tls, List<String> sans) {
    Path certs = storeRoot.resolve("certs");
    Path machineDir = storeRoot.resolve("machines").resolve(name);
    return new AuthOptions(
        certs.toString(),
        orDefault(tls.caCert(), certs.resolve("ca.pem")),
        orDefault(tls.caKey(), certs.resolve("ca-key.pem")),
        "",
        machineDir.resolve("server.pem").toString(),
        machineDir.resolve("server-key.pem").toString(),
        orDefault(tls.clientKey(), certs.resolve("key.pem")),
        "",
        "",
        orDefault(tls.clientCert(), certs.resolve("cert.pem")),
        List.copyOf(sans),
        machineDir.toString());
  }

  private static String orDefault(String value, Path fallback) {
    return value == null || value.isEmpty() ? fallback.toString() : value;
  }
}
