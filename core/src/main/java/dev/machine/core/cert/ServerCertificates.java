package dev.machine.core.cert;

import dev.machine.core.DebugLog;
import dev.machine.core.MachineException;
import dev.machine.core.host.AuthOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Issues a machine's Docker server certificate, signed by the store's CA (§4.3 step 3). */
public final class ServerCertificates {
  private final String user;
  private final Clock clock;

  public ServerCertificates() {
    this(MachineUser.current(), Clock.systemUTC());
  }

  /** For tests and embedders: an explicit user name (the organisation prefix) and clock. */
  public ServerCertificates(String user, Clock clock) {
    this.user = user;
    this.clock = clock;
  }

  /**
   * Writes {@code auth.serverCertPath()} (0644) and {@code auth.serverKeyPath()} (0600), replacing
   * them atomically: O={@code $USER.<machineName>}, the given SANs (IP literals become IP SANs,
   * others DNS SANs), ServerAuth (+ClientAuth for a swarm master), signed with
   * {@code auth.caCertPath()}/{@code auth.caPrivateKeyPath()}.
   *
   * @throws MachineException with the bare cause in Go's words, e.g. {@code open /s/certs/ca-key.pem:
   *     no such file or directory} or {@code tls: private key does not match public key}; the
   *     provisioner wraps it as Docker Machine does ({@code error generating server cert: ...})
   */
  public void generate(AuthOptions auth, String machineName, List<String> sans, boolean swarmMaster) {
    try {
      IssuedCertificate ca =
          PemFiles.readCertificateAndKey(Path.of(auth.caCertPath()), Path.of(auth.caPrivateKeyPath()));
      IssuedCertificate server = new CertificateIssuer(clock).server(user + "." + machineName, ca, sans, swarmMaster);
      PemFiles.writeCertificateAndKey(Path.of(auth.serverCertPath()), Path.of(auth.serverKeyPath()), server);
      DebugLog.debug(ServerCertificates.class, "Generated the server certificate {} for organisation {}.{}, SANs {}",
          auth.serverCertPath(), user, machineName, sans);
    } catch (IOException e) {
      throw new MachineException(IoErrorText.describe("open", e), e);
    } catch (RuntimeException e) {
      throw new MachineException(String.valueOf(e.getMessage()), e);
    }
  }
}
