package dev.machine.core.host;

import dev.machine.core.Progress;
import dev.machine.core.cert.CertificateBootstrap;

/** Makes sure the store's CA and client certificate exist (called under the store lock). */
@FunctionalInterface
public interface CertificateSetup {
  void bootstrap(AuthOptions auth);

  /** The real bootstrap ({@link CertificateBootstrap}). */
  static CertificateSetup standard(Progress progress) {
    CertificateBootstrap bootstrap = new CertificateBootstrap(progress);
    return bootstrap::bootstrap;
  }
}
