package dev.machine.core.cert;

import dev.machine.core.testing.RecordingProgress;
import static dev.machine.core.cert.CertificateAssertions.CLIENT_AUTH;
import static dev.machine.core.cert.CertificateAssertions.assertCommonParameters;
import static dev.machine.core.cert.CertificateAssertions.keyUsages;
import static dev.machine.core.cert.CertificateAssertions.mode;
import static dev.machine.core.cert.CertificateAssertions.sans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.testing.StoreCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateBootstrapTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.890Z");

  @TempDir Path store;
  private AuthOptions auth;
  private final RecordingProgress progress = new RecordingProgress();

  @BeforeEach
  void setUp() {
    auth = StoreCertificates.authOptions(store, "dev");
  }

  private CertificateBootstrap bootstrapAt(Instant now) {
    return new CertificateBootstrap(progress, "alice", Clock.fixed(now, ZoneOffset.UTC));
  }

  private X509Certificate cert(String path) throws Exception {
    return PemFiles.readCertificate(Path.of(path));
  }

  @Test
  void createsCaAndClientCertificateWithDockerMachinesParameters() throws Exception {
    bootstrapAt(NOW).bootstrap(auth);

    assertThat(progress.lines())
        .containsExactly("Creating CA: " + auth.caCertPath(), "Creating client certificate: " + auth.clientCertPath());

    X509Certificate ca = cert(auth.caCertPath());
    assertCommonParameters(ca, NOW, "alice");
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE); // CA:TRUE, no path length
    assertThat(keyUsages(ca)).containsExactly("digitalSignature", "keyEncipherment", "keyAgreement", "keyCertSign");
    assertThat(ca.getExtendedKeyUsage()).isNull();
    ca.verify(ca.getPublicKey());

    X509Certificate client = cert(auth.clientCertPath());
    assertCommonParameters(client, NOW, "alice.<bootstrap>");
    assertThat(client.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(client.getBasicConstraints()).isEqualTo(-1); // CA:FALSE
    assertThat(keyUsages(client)).containsExactly("digitalSignature");
    assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(sans(client)).isEmpty();
    client.verify(ca.getPublicKey());
    assertThat(client.getSerialNumber()).isNotEqualTo(ca.getSerialNumber());

    // The keys are PKCS#1 and belong to their certificates.
    assertThat(Files.readString(Path.of(auth.caPrivateKeyPath()))).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    assertThat(Files.readString(Path.of(auth.clientKeyPath()))).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    PemFiles.readCertificateAndKey(Path.of(auth.caCertPath()), Path.of(auth.caPrivateKeyPath()));
    PemFiles.readCertificateAndKey(Path.of(auth.clientCertPath()), Path.of(auth.clientKeyPath()));
  }

  @Test
  void filesGetTheStoreModesAndNoTemporaryFilesRemain() throws Exception {
    bootstrapAt(NOW).bootstrap(auth);

    assertThat(mode(Path.of(auth.certDir()))).isEqualTo("rwx------");
    assertThat(mode(Path.of(auth.caCertPath()))).isEqualTo("rw-r--r--");
    assertThat(mode(Path.of(auth.clientCertPath()))).isEqualTo("rw-r--r--");
    assertThat(mode(Path.of(auth.caPrivateKeyPath()))).isEqualTo("rw-------");
    assertThat(mode(Path.of(auth.clientKeyPath()))).isEqualTo("rw-------");
    try (var files = Files.list(Path.of(auth.certDir()))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ca.pem", "ca-key.pem", "cert.pem", "key.pem");
    }
  }

  @Test
  void keepsValidCertificatesUntouched() throws Exception {
    bootstrapAt(NOW).bootstrap(auth);
    byte[] ca = Files.readAllBytes(Path.of(auth.caCertPath()));
    byte[] clientKey = Files.readAllBytes(Path.of(auth.clientKeyPath()));
    progress.lines().clear();

    bootstrapAt(NOW.plus(Duration.ofDays(1000))).bootstrap(auth);

    assertThat(progress.lines()).isEmpty();
    assertThat(Files.readAllBytes(Path.of(auth.caCertPath()))).isEqualTo(ca);
    assertThat(Files.readAllBytes(Path.of(auth.clientKeyPath()))).isEqualTo(clientKey);
  }

  @Test
  void regeneratesAnExpiredCaAndTheClientCertificateItSigned() throws Exception {
    bootstrapAt(NOW).bootstrap(auth);
    X509Certificate oldCa = cert(auth.caCertPath());
    progress.lines().clear();

    Instant later = NOW.plus(Duration.ofDays(1081));
    bootstrapAt(later).bootstrap(auth);

    assertThat(progress.lines())
        .containsExactly(
            "CA certificate is outdated and needs to be regenerated",
            "Creating CA: " + auth.caCertPath(),
            "Client certificate is outdated and needs to be regenerated",
            "Creating client certificate: " + auth.clientCertPath());
    X509Certificate ca = cert(auth.caCertPath());
    assertThat(ca.getSerialNumber()).isNotEqualTo(oldCa.getSerialNumber());
    assertCommonParameters(ca, later, "alice");
    X509Certificate client = cert(auth.clientCertPath());
    assertCommonParameters(client, later, "alice.<bootstrap>");
    client.verify(ca.getPublicKey());
  }

  @Test
  void regeneratesOnlyAnExpiredClientCertificate() throws Exception {
    // CA valid until NOW+80d; client issued 79 days earlier, so it expires at NOW+1d.
    Instant caIssued = NOW.minus(Duration.ofDays(1000));
    bootstrapAt(caIssued).bootstrap(auth);
    byte[] ca = Files.readAllBytes(Path.of(auth.caCertPath()));
    Files.delete(Path.of(auth.clientCertPath()));
    Files.delete(Path.of(auth.clientKeyPath()));
    bootstrapAt(NOW.minus(Duration.ofDays(1079))).bootstrap(auth);
    progress.lines().clear();

    Instant now = NOW.plus(Duration.ofDays(2));
    bootstrapAt(now).bootstrap(auth);

    assertThat(progress.lines())
        .containsExactly(
            "Client certificate is outdated and needs to be regenerated",
            "Creating client certificate: " + auth.clientCertPath());
    assertThat(Files.readAllBytes(Path.of(auth.caCertPath()))).isEqualTo(ca);
    X509Certificate client = cert(auth.clientCertPath());
    assertCommonParameters(client, now, "alice.<bootstrap>");
    client.verify(cert(auth.caCertPath()).getPublicKey());
  }

  @Test
  void failsOnAnOrphanCaKeyAndLeavesItAlone() throws Exception {
    Files.createDirectories(Path.of(auth.certDir()));
    Files.writeString(Path.of(auth.caPrivateKeyPath()), "precious");

    assertThatThrownBy(() -> bootstrapAt(NOW).bootstrap(auth))
        .isInstanceOf(MachineException.class)
        .hasMessage("certificate authority key already exists");
    assertThat(Files.readString(Path.of(auth.caPrivateKeyPath()))).isEqualTo("precious");
    assertThat(Path.of(auth.caCertPath())).doesNotExist();
  }

  @Test
  void failsOnAnOrphanClientKey() throws Exception {
    Files.createDirectories(Path.of(auth.certDir()));
    Files.writeString(Path.of(auth.clientKeyPath()), "precious");

    assertThatThrownBy(() -> bootstrapAt(NOW).bootstrap(auth))
        .isInstanceOf(MachineException.class)
        .hasMessage("client key already exists");
    assertThat(Files.readString(Path.of(auth.clientKeyPath()))).isEqualTo("precious");
  }

  @Test
  void reportsAnUnreadableCaCertificateLikeDockerMachine() throws Exception {
    Files.createDirectories(Path.of(auth.certDir()));
    Files.writeString(Path.of(auth.caCertPath()), "not a certificate", StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> bootstrapAt(NOW).bootstrap(auth))
        .isInstanceOf(MachineException.class)
        .hasMessage("Failed to decode PEM data");
  }

  @Test
  void wrapsClientGenerationErrorsWhenTheCaKeyIsGone() throws Exception {
    bootstrapAt(NOW).bootstrap(auth);
    Files.delete(Path.of(auth.caPrivateKeyPath()));
    Files.delete(Path.of(auth.clientCertPath()));
    Files.delete(Path.of(auth.clientKeyPath()));

    assertThatThrownBy(() -> bootstrapAt(NOW).bootstrap(auth))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "failure generating client certificate: open " + auth.caPrivateKeyPath() + ": no such file or directory");
  }

  @Test
  void reissuesAClientCertificateThatTheCurrentCaDidNotSign() throws Exception {
    bootstrapAt(NOW).bootstrap(auth);
    // Someone replaced the CA (cert and key) with another one.
    IssuedCertificate other = new CertificateIssuer(Clock.fixed(NOW, ZoneOffset.UTC)).certificateAuthority("bob");
    PemFiles.writeCertificateAndKey(Path.of(auth.caCertPath()), Path.of(auth.caPrivateKeyPath()), other);
    progress.lines().clear();

    bootstrapAt(NOW).bootstrap(auth);

    assertThat(progress.lines())
        .containsExactly(
            "Client certificate is not signed by the current CA and needs to be regenerated",
            "Creating client certificate: " + auth.clientCertPath());
    cert(auth.clientCertPath()).verify(other.certificate().getPublicKey());
  }

  @Test
  void regenerateReplacesValidCaAndClientCertificates() throws Exception {
    bootstrapAt(NOW).bootstrap(auth);
    X509Certificate oldCa = cert(auth.caCertPath());
    X509Certificate oldClient = cert(auth.clientCertPath());
    progress.lines().clear();

    bootstrapAt(NOW).regenerate(auth);

    assertThat(progress.lines())
        .containsExactly("Creating CA: " + auth.caCertPath(), "Creating client certificate: " + auth.clientCertPath());
    X509Certificate ca = cert(auth.caCertPath());
    X509Certificate client = cert(auth.clientCertPath());
    assertThat(ca.getPublicKey()).isNotEqualTo(oldCa.getPublicKey());
    assertThat(client.getPublicKey()).isNotEqualTo(oldClient.getPublicKey());
    client.verify(ca.getPublicKey());
    PemFiles.readCertificateAndKey(Path.of(auth.caCertPath()), Path.of(auth.caPrivateKeyPath()));
    assertThat(mode(Path.of(auth.caPrivateKeyPath()))).isEqualTo("rw-------");
  }

  @Test
  void organisationFallsBackToUnknownWithoutUser() {
    assertThat(MachineUser.fromEnvironment(java.util.Map.of(), "Linux")).isEqualTo("unknown");
    assertThat(MachineUser.fromEnvironment(java.util.Map.of("USER", ""), "Linux")).isEqualTo("unknown");
    assertThat(MachineUser.fromEnvironment(java.util.Map.of("USER", "alice"), "Linux")).isEqualTo("alice");
    assertThat(MachineUser.fromEnvironment(java.util.Map.of("USERNAME", "bob"), "Windows 11")).isEqualTo("bob");
  }
}
