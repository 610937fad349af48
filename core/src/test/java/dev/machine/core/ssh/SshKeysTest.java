package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.testing.LoopbackSshd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKeysTest {
  @TempDir Path tmp;

  @Test
  void generatesPkcs1PrivateAndAuthorizedKeysPublicBothPrivate() throws Exception {
    Path key = tmp.resolve("id_rsa");
    SshKeys.generate(key);

    String pem = Files.readString(key);
    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("-----END RSA PRIVATE KEY-----\n");
    String pub = Files.readString(tmp.resolve("id_rsa.pub"));
    assertThat(pub).matches("ssh-rsa AAAA[A-Za-z0-9+/=]+\n");
    assertThat(mode(key)).isEqualTo("rw-------");
    assertThat(mode(tmp.resolve("id_rsa.pub"))).isEqualTo("rw-------");

    // OpenSSH reads the private key and derives the very same public key (2048 bits).
    assertThat(run("ssh-keygen", "-y", "-f", key.toString()).strip()).isEqualTo(pub.strip());
    assertThat(run("ssh-keygen", "-l", "-f", tmp.resolve("id_rsa.pub").toString())).startsWith("2048 SHA256:");
  }

  @Test
  void generatedKeyIsAcceptedByARealSshd() throws Exception {
    Path key = tmp.resolve("machine/id_rsa");
    Files.createDirectories(key.getParent());
    SshKeys.generate(key);
    try (LoopbackSshd sshd = LoopbackSshd.start(Files.createDirectory(tmp.resolve("sshd")))) {
      sshd.authorize(SshKeys.publicKeyPath(key));
      SshTarget target = new SshTarget("127.0.0.1", sshd.port(), sshd.user(), key.toString(), null);
      try (SshConnection ssh =
          SshConnection.open(target, Duration.ofSeconds(10), new SshEnvironment(tmp, null))) {
        assertThat(ssh.run("echo ok").output()).isEqualTo("ok\n");
      }
    }
  }

  @Test
  void neverOverwritesAnExistingKey() throws IOException {
    Path key = tmp.resolve("id_rsa");
    Files.writeString(key, "precious");
    assertThatThrownBy(() -> SshKeys.generate(key))
        .isInstanceOf(MachineException.class)
        .hasMessage("Error generating SSH key: " + key + " already exists");
    assertThat(key).hasContent("precious");
    assertThat(SshKeys.publicKeyPath(key)).doesNotExist();
  }

  @Test
  void publicKeyOfReadsThePubFileOrDerivesIt() throws Exception {
    Path key = tmp.resolve("id_rsa");
    SshKeys.generate(key);
    String pub = Files.readString(SshKeys.publicKeyPath(key)).strip();
    assertThat(SshKeys.publicKeyOf(key)).isEqualTo(pub);

    // A user's key without its .pub (and in OpenSSH's own format): derived from the private key.
    Path ed = tmp.resolve("user_key");
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", ed.toString());
    String expected = Files.readString(SshKeys.publicKeyPath(ed)).strip();
    Files.delete(SshKeys.publicKeyPath(ed));
    assertThat(SshKeys.publicKeyOf(ed)).isEqualTo(expected);

    // Protected by a passphrase, without its .pub: the OpenSSH file's clear copy, or a clear error.
    Path secret = tmp.resolve("secret_key");
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "secret", "-C", "", "-f", secret.toString());
    String secretPub = Files.readString(SshKeys.publicKeyPath(secret)).strip();
    Files.delete(SshKeys.publicKeyPath(secret));
    assertThat(SshKeys.publicKeyOf(secret)).isEqualTo(secretPub);
    Path pem = tmp.resolve("secret_pem");
    run("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "secret", "-f", pem.toString());
    Files.delete(SshKeys.publicKeyPath(pem));
    assertThatThrownBy(() -> SshKeys.publicKeyOf(pem))
        .isInstanceOf(MachineException.class)
        .hasMessage("Error reading SSH public key of " + pem + ": it is protected by a passphrase and has no "
            + "public key file " + SshKeys.publicKeyPath(pem));

    assertThatThrownBy(() -> SshKeys.publicKeyOf(tmp.resolve("missing")))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith("Error reading SSH public key of " + tmp.resolve("missing"));
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }
}
