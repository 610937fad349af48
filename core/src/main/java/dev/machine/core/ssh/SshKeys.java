package dev.machine.core.ssh;

import dev.machine.core.MachineException;
import dev.machine.core.cert.PemFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * SSH key files for machines: generation (Docker Machine's {@code ssh.GenerateSSHKey}) and reading
 * the public half to import it into a provider.
 */
public final class SshKeys {
  private static final int RSA_BITS = 2048;

  private SshKeys() {}

  /**
   * Generates an RSA 2048 key pair: the private key at {@code privateKey} as PEM PKCS#1 ({@code
   * -----BEGIN RSA PRIVATE KEY-----}), the public key at {@code <privateKey>.pub} in {@code
   * authorized_keys} format ({@code ssh-rsa AAAA...\n}). Both files are created with mode 0600 (no
   * window in which they are readable by others). Parent directories must exist.
   *
   * @throws MachineException if either file already exists or cannot be written; nothing is left
   *     behind on failure
   */
  public static void generate(Path privateKey) {
    Path publicKey = publicKeyPath(privateKey);
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(RSA_BITS);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new MachineException("Error generating SSH key: " + e.getMessage(), e);
    }
    String pem = PemFiles.rsaPrivateKeyPem(pair.getPrivate());
    String pub = authorizedKeysLine(pair.getPublic()) + "\n";
    try {
      writePrivate(privateKey, pem);
      try {
        writePrivate(publicKey, pub);
      } catch (IOException e) {
        Files.deleteIfExists(privateKey);
        throw e;
      }
    } catch (FileAlreadyExistsException e) {
      throw new MachineException("Error generating SSH key: " + e.getFile() + " already exists", e);
    } catch (IOException e) {
      throw new MachineException("Error generating SSH key: " + e, e);
    }
  }

  /**
   * The public key of {@code privateKey} as one {@code authorized_keys} line without a trailing
   * newline (e.g. {@code ssh-rsa AAAA... comment}): the content of {@code <privateKey>.pub} when
   * that file exists (as Docker Machine imports it), otherwise derived from the private key (taken
   * from the clear part of a passphrase-protected OpenSSH v1 file).
   *
   * @throws MachineException if neither file can be read
   */
  public static String publicKeyOf(Path privateKey) {
    Path pub = publicKeyPath(privateKey);
    try {
      if (Files.isRegularFile(pub)) {
        String text = Files.readString(pub, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
      }
      KeyFileHeader header = KeyFileHeader.read(privateKey);
      if (header.encrypted()) {
        // Deriving would need the passphrase; an OpenSSH v1 file holds its public key in clear.
        byte[] blob = header.publicBlob();
        if (blob == null) {
          throw new IOException("it is protected by a passphrase and has no public key file " + pub);
        }
        return keyType(blob) + " " + Base64.getEncoder().encodeToString(blob);
      }
      return authorizedKeysLine(KeyFiles.load(privateKey).getPublic());
    } catch (IOException | RuntimeException e) {
      throw new MachineException(
          "Error reading SSH public key of " + privateKey + ": " + e.getMessage(), e);
    }
  }

  /** The key type a wire-encoded public key starts with, e.g. {@code ssh-ed25519}. */
  static String keyType(byte[] blob) throws IOException {
    return new Buffer.PlainBuffer(blob).readString();
  }

  /** {@code <privateKey>.pub}. */
  public static Path publicKeyPath(Path privateKey) {
    return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
  }

  /** {@code <type> <base64 blob>} for {@code key}, e.g. {@code ssh-rsa AAAAB3Nza...}. */
  public static String authorizedKeysLine(PublicKey key) {
    return KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(blob(key));
  }

  /** The SSH wire encoding of {@code key} (what {@code authorized_keys} and known_hosts hold). */
  static byte[] blob(PublicKey key) {
    return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
  }

  private static void writePrivate(Path file, String content) throws IOException {
    // CREATE_NEW with the permissions as a creation attribute: the file is never group/other
    // readable, not even for a moment, and an existing key is never overwritten.
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
      out.write(content.getBytes(StandardCharsets.US_ASCII));
    }
    // The umask may have removed bits from the creation mode; 0600 exactly is what we promise.
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }
}
