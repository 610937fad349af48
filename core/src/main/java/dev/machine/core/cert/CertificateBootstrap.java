package dev.machine.core.cert;

import dev.machine.core.DebugLog;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.files.AtomicFiles;
import dev.machine.core.host.AuthOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;

/**
 * Creates the store's CA and client certificate when they are missing or expired (Docker
 * Machine's {@code BootstrapCertificates}, §4.2). Callers hold the store-wide lock.
 *
 * <p>One deliberate difference: a client certificate that the current CA did not sign (the CA was
 * just regenerated, or {@code ca.pem} was replaced) is re-issued, since no daemon of this store
 * would accept it. Docker Machine kept it and produced certificates that could never work.
 */
public final class CertificateBootstrap {
  /** Suffix of the client certificate's organisation: {@code $USER.<bootstrap>}. */
  public static final String CLIENT_ORG_SUFFIX = ".<bootstrap>";

  private final Progress progress;
  private final String user;
  private final Clock clock;

  public CertificateBootstrap(Progress progress) {
    this(progress, MachineUser.current(), Clock.systemUTC());
  }

  /** For tests and embedders: an explicit user name (the organisation) and clock. */
  public CertificateBootstrap(Progress progress, String user, Clock clock) {
    this.progress = progress;
    this.user = user;
    this.clock = clock;
  }

  /**
   * Makes sure {@code auth}'s CA and client certificate exist and are valid, creating or
   * re-creating what is missing or expired; valid certificates are kept.
   *
   * @throws MachineException with Docker Machine's texts, e.g. {@code certificate authority key already exists}
   */
  public void bootstrap(AuthOptions auth) {
    Paths p = Paths.of(auth);
    DebugLog.debug(CertificateBootstrap.class, "Checking the CA and client certificate: {}, {}", p.caCert, p.clientCert);
    createCertDir(p);
    IssuedCertificate ca = ensureCa(p);
    ensureClient(p, ca);
  }

  /**
   * Unconditionally replaces the CA and the client certificate ({@code regenerate-certs
   * --client-certs}, after the user confirmed). Every machine's server certificate must then be
   * re-issued: daemons trust only the CA they were given.
   */
  public void regenerate(AuthOptions auth) {
    Paths p = Paths.of(auth);
    createCertDir(p);
    IssuedCertificate ca = createCa(p);
    createClient(p, ca);
  }

  private void createCertDir(Paths p) {
    try {
      AtomicFiles.createPrivateDirectories(p.certDir);
    } catch (IOException e) {
      throw new MachineException("creating machine certificate dir failed: " + IoErrorText.describe("mkdir", e), e);
    }
  }

  /** The CA to sign with: the existing valid one, or a new one. */
  private IssuedCertificate ensureCa(Paths p) {
    if (Files.notExists(p.caCert)) {
      if (Files.exists(p.caKey)) {
        progress.info("Creating CA: " + p.caCert);
        throw new MachineException("certificate authority key already exists");
      }
      return createCa(p);
    }
    X509Certificate current = readCertificate(p.caCert);
    if (expired(current)) {
      progress.info("CA certificate is outdated and needs to be regenerated");
      deleteQuietly(p.caKey);
      return createCa(p);
    }
    DebugLog.debug(CertificateBootstrap.class, "Using the CA {}, valid until {}", p.caCert, current.getNotAfter());
    return null; // loaded lazily: only needed when a client certificate must be issued
  }

  private IssuedCertificate createCa(Paths p) {
    progress.info("Creating CA: " + p.caCert);
    long start = System.nanoTime();
    try {
      IssuedCertificate ca = new CertificateIssuer(clock).certificateAuthority(user);
      PemFiles.writeCertificateAndKey(p.caCert, p.caKey, ca);
      DebugLog.debug(CertificateBootstrap.class, "Generated a {}-bit RSA CA for organisation {} in {} ms",
          CertificateIssuer.KEY_BITS, user, DebugLog.millisSince(start));
      return ca;
    } catch (IOException | RuntimeException e) {
      throw new MachineException("generating CA certificate failed: " + message(e), e);
    }
  }

  private void ensureClient(Paths p, IssuedCertificate newCa) {
    if (Files.notExists(p.clientCert)) {
      if (Files.exists(p.clientKey)) {
        progress.info("Creating client certificate: " + p.clientCert);
        throw new MachineException("client key already exists");
      }
      createClient(p, newCa);
      return;
    }
    X509Certificate current = readCertificate(p.clientCert);
    if (expired(current)) {
      progress.info("Client certificate is outdated and needs to be regenerated");
    } else if (newCa != null || !signedBy(current, p.caCert)) {
      progress.info("Client certificate is not signed by the current CA and needs to be regenerated");
    } else {
      DebugLog.debug(CertificateBootstrap.class, "Using the client certificate {}, valid until {}", p.clientCert,
          current.getNotAfter());
      return;
    }
    deleteQuietly(p.clientKey);
    createClient(p, newCa);
  }

  private void createClient(Paths p, IssuedCertificate caOrNull) {
    progress.info("Creating client certificate: " + p.clientCert);
    long start = System.nanoTime();
    try {
      IssuedCertificate ca = caOrNull != null ? caOrNull : PemFiles.readCertificateAndKey(p.caCert, p.caKey);
      IssuedCertificate client = new CertificateIssuer(clock).client(user + CLIENT_ORG_SUFFIX, ca);
      PemFiles.writeCertificateAndKey(p.clientCert, p.clientKey, client);
      DebugLog.debug(CertificateBootstrap.class, "Generated a {}-bit RSA client certificate for organisation {} in {} ms",
          CertificateIssuer.KEY_BITS, user + CLIENT_ORG_SUFFIX, DebugLog.millisSince(start));
    } catch (IOException | RuntimeException e) {
      throw new MachineException("failure generating client certificate: " + message(e), e);
    }
  }

  private boolean expired(X509Certificate cert) {
    return clock.instant().isAfter(cert.getNotAfter().toInstant());
  }

  private static boolean signedBy(X509Certificate cert, Path caCertPath) {
    try {
      cert.verify(readCertificate(caCertPath).getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Reads a certificate; errors come out unwrapped, as Docker Machine's {@code CheckCertificateDate} returns them. */
  private static X509Certificate readCertificate(Path path) {
    try {
      return PemFiles.readCertificate(path);
    } catch (IOException e) {
      throw new MachineException(message(e), e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // Docker Machine ignores this too; writing the new key then reports any real problem.
    }
  }

  private static String message(Exception e) {
    if (e instanceof IOException io) {
      return IoErrorText.describe("open", io);
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** The four paths of the store's certificates. */
  private record Paths(Path certDir, Path caCert, Path caKey, Path clientCert, Path clientKey) {
    static Paths of(AuthOptions auth) {
      return new Paths(
          Path.of(auth.certDir()),
          Path.of(auth.caCertPath()),
          Path.of(auth.caPrivateKeyPath()),
          Path.of(auth.clientCertPath()),
          Path.of(auth.clientKeyPath()));
    }
  }
}
