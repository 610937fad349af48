package dev.machine.core.docker;

import dev.machine.core.host.AuthOptions;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Helpers for combining two stores' certificates and finding closed ports. */
final class TlsStores {
  private TlsStores() {}

  /** Trusts {@code trust}'s CA but presents {@code client}'s client certificate. */
  static AuthOptions trustingWithClientOf(AuthOptions trust, AuthOptions client) {
    return new AuthOptions(
        trust.certDir(), trust.caCertPath(), trust.caPrivateKeyPath(), "", trust.serverCertPath(),
        trust.serverKeyPath(), client.clientKeyPath(), "", "", client.clientCertPath(), trust.serverCertSans(),
        trust.storePath());
  }

  /** A loopback port nothing listens on (bound, then released). */
  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }
}
