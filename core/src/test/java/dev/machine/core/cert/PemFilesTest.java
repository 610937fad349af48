package dev.machine.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
  @TempDir Path dir;
  static final IssuedCertificate CA = new CertificateIssuer(Clock.systemUTC()).certificateAuthority("alice");

  @Test
  void writesGoStylePemThatReadsBack() throws Exception {
    Path cert = dir.resolve("ca.pem");
    Path key = dir.resolve("ca-key.pem");
    PemFiles.writeCertificateAndKey(cert, key, CA);

    String keyText = Files.readString(key);
    assertThat(keyText).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("-----END RSA PRIVATE KEY-----\n");
    assertThat(keyText.lines().filter(l -> !l.startsWith("-----")).allMatch(l -> l.length() <= 64)).isTrue();
    assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    IssuedCertificate back = PemFiles.readCertificateAndKey(cert, key);
    assertThat(back.certificate()).isEqualTo(CA.certificate());
    assertThat(back.privateKey().getEncoded()).isEqualTo(CA.privateKey().getEncoded());
  }

  @Test
  void readsEveryCertificateOfABundleIgnoringTextAround() throws Exception {
    IssuedCertificate other = new CertificateIssuer(Clock.systemUTC()).certificateAuthority("bob");
    Path bundle = dir.resolve("bundle.pem");
    Files.writeString(
        bundle,
        "subject=O=alice\n" + PemFiles.certificatePem(CA.certificate()) + "\n# next\n"
            + PemFiles.certificatePem(other.certificate()));

    assertThat(PemFiles.readCertificates(bundle)).containsExactly(CA.certificate(), other.certificate());
  }

  @Test
  void readsPkcs8AndSec1EcKeys() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"));
    ECPrivateKey ec = (ECPrivateKey) gen.generateKeyPair().getPrivate();
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
    byte[] sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(), null, info.getPrivateKeyAlgorithm().getParameters())
            .getEncoded();

    Path sec1File = write("EC PRIVATE KEY", sec1);
    Path pkcs8File = write("PRIVATE KEY", ec.getEncoded());

    assertThat(((ECPrivateKey) PemFiles.readPrivateKey(sec1File)).getS()).isEqualTo(ec.getS());
    assertThat(((ECPrivateKey) PemFiles.readPrivateKey(pkcs8File)).getS()).isEqualTo(ec.getS());
  }

  @Test
  void explainsUnreadableFiles() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    assertThatThrownBy(() -> PemFiles.readPrivateKey(empty)).hasMessage("tls: failed to find any PEM data in key input");
    assertThatThrownBy(() -> PemFiles.readCertificate(empty)).hasMessage("Failed to decode PEM data");
    Path encrypted =
        Files.writeString(
            dir.resolve("enc.pem"),
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> PemFiles.readPrivateKey(encrypted)).isInstanceOf(IOException.class).hasMessageContaining("encrypted");
  }

  private Path write(String type, byte[] der) throws IOException {
    return Files.writeString(
        dir.resolve(type.replace(' ', '-') + ".pem"),
        "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + type + "-----\n");
  }
}
