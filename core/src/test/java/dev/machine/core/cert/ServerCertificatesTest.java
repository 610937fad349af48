package dev.machine.core.cert;

import static dev.machine.core.cert.CertificateAssertions.CLIENT_AUTH;
import static dev.machine.core.cert.CertificateAssertions.SERVER_AUTH;
import static dev.machine.core.cert.CertificateAssertions.assertCommonParameters;
import static dev.machine.core.cert.CertificateAssertions.keyUsages;
import static dev.machine.core.cert.CertificateAssertions.mode;
import static dev.machine.core.cert.CertificateAssertions.sans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.testing.StoreCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificatesTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:59.999Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path store;
  private AuthOptions auth;

  @BeforeEach
  void setUp() throws Exception {
    auth = StoreCertificates.authOptions(store, "dev");
    new CertificateBootstrap(Progress.SILENT, "alice", CLOCK).bootstrap(auth);
    Files.createDirectories(Path.of(auth.storePath()));
  }

  @Test
  void issuesAServerCertificateForTheMachine() throws Exception {
    new ServerCertificates("alice", CLOCK)
        .generate(auth, "dev", List.of("docker.example.com", "10.0.0.5", "fd00::5", "localhost"), false);

    X509Certificate server = PemFiles.readCertificate(Path.of(auth.serverCertPath()));
    X509Certificate ca = PemFiles.readCertificate(Path.of(auth.caCertPath()));
    assertCommonParameters(server, NOW, "alice.dev");
    server.verify(ca.getPublicKey());
    assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(keyUsages(server)).containsExactly("digitalSignature", "keyEncipherment", "keyAgreement");
    assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(sans(server))
        .containsExactly("DNS:docker.example.com", "DNS:localhost", "IP:10.0.0.5", "IP:fd00:0:0:0:0:0:0:5");
    assertThat(Files.readString(Path.of(auth.serverKeyPath()))).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    PemFiles.readCertificateAndKey(Path.of(auth.serverCertPath()), Path.of(auth.serverKeyPath()));
    assertThat(mode(Path.of(auth.serverCertPath()))).isEqualTo("rw-r--r--");
    assertThat(mode(Path.of(auth.serverKeyPath()))).isEqualTo("rw-------");
  }

  @Test
  void aSwarmMasterAlsoGetsClientAuth() throws Exception {
    new ServerCertificates("alice", CLOCK).generate(auth, "dev", List.of("10.0.0.5", "localhost"), true);

    X509Certificate server = PemFiles.readCertificate(Path.of(auth.serverCertPath()));
    assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
  }

  @Test
  void replacesAnExistingServerCertificate() throws Exception {
    ServerCertificates certs = new ServerCertificates("alice", CLOCK);
    certs.generate(auth, "dev", List.of("10.0.0.5"), false);
    X509Certificate first = PemFiles.readCertificate(Path.of(auth.serverCertPath()));

    certs.generate(auth, "dev", List.of("10.0.0.6"), false);

    X509Certificate second = PemFiles.readCertificate(Path.of(auth.serverCertPath()));
    assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
    assertThat(sans(second)).containsExactly("IP:10.0.0.6");
    PemFiles.readCertificateAndKey(Path.of(auth.serverCertPath()), Path.of(auth.serverKeyPath()));
  }

  @Test
  void failsClearlyWithoutTheCaKey() throws Exception {
    Files.delete(Path.of(auth.caPrivateKeyPath()));

    assertThatThrownBy(() -> new ServerCertificates("alice", CLOCK).generate(auth, "dev", List.of("10.0.0.5"), false))
        .isInstanceOf(MachineException.class)
        .hasMessage("open " + auth.caPrivateKeyPath() + ": no such file or directory");
    assertThat(Path.of(auth.serverCertPath())).doesNotExist();
  }

  @Test
  void refusesACaKeyThatDoesNotMatchTheCaCertificate() throws Exception {
    IssuedCertificate other = new CertificateIssuer(CLOCK).certificateAuthority("bob");
    PemFiles.writeCertificateAndKey(store.resolve("other.pem"), Path.of(auth.caPrivateKeyPath()), other);

    assertThatThrownBy(() -> new ServerCertificates("alice", CLOCK).generate(auth, "dev", List.of("10.0.0.5"), false))
        .isInstanceOf(MachineException.class)
        .hasMessage("tls: private key does not match public key");
  }

  @Test
  void readsPkcs8CaKeysToo() throws Exception {
    // A user-supplied CA (--tls-ca-key) may be PKCS#8, as openssl writes today.
    var key = PemFiles.readPrivateKey(Path.of(auth.caPrivateKeyPath()));
    String pkcs8 =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(Path.of(auth.caPrivateKeyPath()), pkcs8);

    new ServerCertificates("alice", CLOCK).generate(auth, "dev", List.of("10.0.0.5"), false);

    PemFiles.readCertificate(Path.of(auth.serverCertPath()))
        .verify(PemFiles.readCertificate(Path.of(auth.caCertPath())).getPublicKey());
  }
}
