package dev.machine.core.cert;

import dev.machine.core.host.AuthOptions;
import java.util.List;

/** Issues a machine's Docker server certificate, signed by the store's CA. */
public final class ServerCertificates {
  /**
   * Writes {@code auth.serverCertPath()} and {@code auth.serverKeyPath()}: O={@code $USER.<machineName>},
   * the given SANs (IP literals become IP SANs, others DNS SANs), ServerAuth (+ClientAuth for a swarm master).
   */
  public void generate(AuthOptions auth, String machineName, List<String> sans, boolean swarmMaster) {
    throw new UnsupportedOperationException("server certificates are not implemented yet");
  }
}
