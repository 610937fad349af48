package dev.machine.core.cert;

import dev.machine.core.Progress;
import dev.machine.core.host.AuthOptions;

/**
 * Creates the store's CA and client certificate when they are missing or expired (Docker
 * Machine's {@code BootstrapCertificates}). Callers hold the store-wide lock.
 */
public final class CertificateBootstrap {
  private final Progress progress;

  public CertificateBootstrap(Progress progress) {
    this.progress = progress;
  }

  /** Makes sure {@code auth}'s CA and client certificate exist and are valid. */
  public void bootstrap(AuthOptions auth) {
    throw new UnsupportedOperationException("certificate bootstrap is not implemented yet");
  }
}
