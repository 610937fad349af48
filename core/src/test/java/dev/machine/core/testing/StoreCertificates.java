package dev.machine.core.testing;

import dev.machine.core.host.AuthOptions;
import java.nio.file.Path;
import java.util.List;

/** Docker Machine's certificate paths for a store and a machine (config.json's {@code AuthOptions}). */
public final class StoreCertificates {
  private StoreCertificates() {}

  /** {@code <store>/certs/{ca,ca-key,cert,key}.pem} and {@code <store>/machines/<name>/server{,-key}.pem}. */
  public static AuthOptions authOptions(Path store, String machineName) {
    Path certs = store.resolve("certs");
    Path machine = store.resolve("machines").resolve(machineName);
    return new AuthOptions(
        certs.toString(),
        certs.resolve("ca.pem").toString(),
        certs.resolve("ca-key.pem").toString(),
        "",
        machine.resolve("server.pem").toString(),
        machine.resolve("server-key.pem").toString(),
        certs.resolve("key.pem").toString(),
        "",
        "",
        certs.resolve("cert.pem").toString(),
        List.of(),
        machine.toString());
  }
}
