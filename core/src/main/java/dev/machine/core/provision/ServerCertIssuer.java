package dev.machine.core.provision;

import dev.machine.core.cert.ServerCertificates;
import dev.machine.core.host.AuthOptions;
import java.util.List;

/** Issues a machine's server certificate into {@code auth.serverCertPath()}/{@code serverKeyPath()}. */
@FunctionalInterface
public interface ServerCertIssuer {
  void issue(AuthOptions auth, String machineName, List<String> sans, boolean swarmMaster);

  /** The store's CA signs it ({@link ServerCertificates}). */
  static ServerCertIssuer standard() {
    ServerCertificates certs = new ServerCertificates();
    return certs::generate;
  }
}
