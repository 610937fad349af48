package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypted check and clear public key, on keys made by the real ssh-keygen. */
class KeyFileHeaderTest {
  @TempDir Path tmp;

  @Test
  void openSshKeysTellWhetherEncryptedAndTheirPublicKey() throws Exception {
    Path plain = keygen("plain", "", "-t", "ed25519");
    Path secret = keygen("secret", "secret", "-t", "ed25519");
    Path rsa = keygen("secret_rsa", "secret", "-t", "rsa", "-b", "2048");

    KeyFileHeader plainHeader = KeyFileHeader.read(plain);
    assertThat(plainHeader.encrypted()).isFalse();
    assertThat(plainHeader.publicBlob()).isEqualTo(pubBlob(plain));
    KeyFileHeader secretHeader = KeyFileHeader.read(secret);
    assertThat(secretHeader.encrypted()).isTrue();
    assertThat(secretHeader.publicBlob()).isEqualTo(pubBlob(secret));
    assertThat(KeyFileHeader.read(rsa).encrypted()).isTrue();
    assertThat(KeyFileHeader.read(rsa).publicBlob()).isEqualTo(pubBlob(rsa));
  }

  @Test
  void pemAndPkcs8KeysTellWhetherEncryptedButHaveNoPublicKey() throws Exception {
    Path pem = keygen("pem", "secret", "-t", "rsa", "-b", "2048", "-m", "PEM");
    Path pkcs8 = keygen("pkcs8", "secret", "-t", "ecdsa", "-m", "PKCS8");
    Path plainPem = tmp.resolve("plain_pem");
    SshKeys.generate(plainPem);

    assertThat(Files.readString(pem)).contains("Proc-Type: 4,ENCRYPTED");
    assertThat(KeyFileHeader.read(pem).encrypted()).isTrue();
    assertThat(Files.readString(pkcs8)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(KeyFileHeader.read(pkcs8).encrypted()).isTrue();
    assertThat(KeyFileHeader.read(plainPem).encrypted()).isFalse();
    assertThat(KeyFileHeader.read(pem).publicBlob()).isNull();
    assertThat(KeyFileHeader.read(plainPem).publicBlob()).isNull();
  }

  @Test
  void brokenOrUnknownTextIsPlainSoSshjReportsIt() {
    for (String text : new String[] {
        "",
        "not a key",
        "-----BEGIN OPENSSH PRIVATE KEY-----\n!!!\n-----END OPENSSH PRIVATE KEY-----\n",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n-----END OPENSSH PRIVATE KEY-----\n",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n"}) {
      KeyFileHeader header = KeyFileHeader.parse(text);
      assertThat(header.encrypted()).as(text).isFalse();
      assertThat(header.publicBlob()).as(text).isNull();
    }
  }

  @Test
  void thePubFileComesFirstThenTheClearCopy() throws Exception {
    Path key = keygen("key", "secret", "-t", "ed25519");
    Path other = keygen("other", "", "-t", "ed25519");
    KeyFileHeader header = KeyFileHeader.read(key);
    byte[] own = pubBlob(key);

    assertThat(KeyFilePublicKey.find(key, header)).isEqualTo(own);
    // As OpenSSH: a .pub is believed (even one of another key), a broken one is passed over.
    Files.copy(SshKeys.publicKeyPath(other), SshKeys.publicKeyPath(key), StandardCopyOption.REPLACE_EXISTING);
    assertThat(KeyFilePublicKey.find(key, header)).isEqualTo(pubBlob(other));
    // The ed25519 blob under another type's name is not believed.
    Files.writeString(SshKeys.publicKeyPath(key), "ssh-rsa " + Base64.getEncoder().encodeToString(own) + "\n");
    assertThat(KeyFilePublicKey.find(key, header)).isEqualTo(own);
    Files.delete(SshKeys.publicKeyPath(key));
    assertThat(KeyFilePublicKey.find(key, header)).isEqualTo(own);

    Path pem = keygen("pem", "secret", "-t", "rsa", "-b", "2048", "-m", "PEM");
    byte[] pemBlob = pubBlob(pem);
    assertThat(KeyFilePublicKey.find(pem, KeyFileHeader.read(pem))).isEqualTo(pemBlob);
    Files.delete(SshKeys.publicKeyPath(pem));
    assertThat(KeyFilePublicKey.find(pem, KeyFileHeader.read(pem))).isNull();
  }

  @Test
  void authorizedKeysLinesAreCheckedForTheirType() {
    byte[] blob = Base64.getDecoder().decode("AAAAC3NzaC1lZDI1NTE5AAAAIBtH3E3G1H7Q1nq8BW8jGZ1y9o0pEPFCmHRmO2cK4Y8N");
    assertThat(KeyFilePublicKey.parseLine(
        "# comment\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBtH3E3G1H7Q1nq8BW8jGZ1y9o0pEPFCmHRmO2cK4Y8N me@host\n"))
        .isEqualTo(blob);
    assertThat(KeyFilePublicKey.parseLine(
        "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIBtH3E3G1H7Q1nq8BW8jGZ1y9o0pEPFCmHRmO2cK4Y8N")).isNull();
    assertThat(KeyFilePublicKey.parseLine("ssh-ed25519 not-base64")).isNull();
    assertThat(KeyFilePublicKey.parseLine("")).isNull();
  }

  private Path keygen(String name, String passphrase, String... type) throws Exception {
    Path file = tmp.resolve(name);
    String[] command = new String[6 + type.length];
    System.arraycopy(new String[] {"ssh-keygen", "-q", "-N", passphrase, "-f", file.toString()}, 0, command, 0, 6);
    System.arraycopy(type, 0, command, 6, type.length);
    SshKeysTest.run(command);
    return file;
  }

  private static byte[] pubBlob(Path key) throws Exception {
    String line = Files.readString(SshKeys.publicKeyPath(key), StandardCharsets.US_ASCII);
    return Base64.getDecoder().decode(line.split(" ")[1].strip());
  }
}
