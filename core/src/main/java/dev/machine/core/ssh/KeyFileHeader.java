package dev.machine.core.ssh;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What a private key file tells without its passphrase: whether it is encrypted and, in the OpenSSH
 * v1 format, the public key kept in clear before the private part. A file in any other or a broken
 * format reads as "not encrypted, no public key", so sshj ({@link KeyFiles}) reports its errors as
 * before.
 */
final class KeyFileHeader {
  private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
  private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
  private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final String PKCS8_ENCRYPTED = "-----BEGIN ENCRYPTED PRIVATE KEY-----";
  /** RFC 1421 header of an encrypted traditional PEM key ({@code ssh-keygen -m PEM}, OpenSSL). */
  private static final Pattern PEM_ENCRYPTED =
      Pattern.compile("(?m)^Proc-Type:[ \\t]*4,[ \\t]*ENCRYPTED[ \\t]*\\r?$");

  private static final KeyFileHeader PLAIN = new KeyFileHeader(false, null);

  private final boolean encrypted;
  private final byte[] publicBlob;

  private KeyFileHeader(boolean encrypted, byte[] publicBlob) {
    this.encrypted = encrypted;
    this.publicBlob = publicBlob;
  }

  /**
   * Reads {@code file}'s header.
   *
   * @throws IOException if the file cannot be read (the message is the one sshj gives)
   */
  static KeyFileHeader read(Path file) throws IOException {
    // FileInputStream, as sshj opens key files: a missing or unreadable file fails with its words.
    try (InputStream in = new FileInputStream(file.toFile())) {
      return parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }
  }

  /** The header of a key file's text. */
  static KeyFileHeader parse(String text) {
    int begin = text.indexOf(OPENSSH_BEGIN);
    if (begin >= 0) {
      int end = text.indexOf(OPENSSH_END, begin);
      return end < 0 ? PLAIN : openSshV1(text.substring(begin + OPENSSH_BEGIN.length(), end));
    }
    if (text.contains(PKCS8_ENCRYPTED) || PEM_ENCRYPTED.matcher(text).find()) {
      return new KeyFileHeader(true, null);
    }
    return PLAIN;
  }

  /** True if the private key needs a passphrase. */
  boolean encrypted() {
    return encrypted;
  }

  /** The public key's SSH wire encoding when the file holds it in clear, else {@code null}. */
  byte[] publicBlob() {
    return publicBlob == null ? null : publicBlob.clone();
  }

  /**
   * PROTOCOL.key: magic, string cipher, string kdf, string kdf options, uint32 key count, then the
   * public keys, all before the (possibly encrypted) private section.
   */
  private static KeyFileHeader openSshV1(String base64) {
    try {
      ByteBuffer data = ByteBuffer.wrap(Base64.getMimeDecoder().decode(base64));
      byte[] magic = new byte[OPENSSH_MAGIC.length];
      data.get(magic);
      if (!Arrays.equals(magic, OPENSSH_MAGIC)) {
        return PLAIN;
      }
      String cipher = new String(string(data), StandardCharsets.US_ASCII);
      string(data); // kdf name
      string(data); // kdf options
      int keys = data.getInt();
      byte[] firstPublic = keys > 0 ? string(data) : null;
      return new KeyFileHeader(!cipher.equals("none"), firstPublic);
    } catch (IllegalArgumentException | BufferUnderflowException e) {
      return PLAIN;
    }
  }

  private static byte[] string(ByteBuffer data) {
    int length = data.getInt();
    if (length < 0 || length > data.remaining()) {
      throw new IllegalArgumentException("bad length " + length);
    }
    byte[] bytes = new byte[length];
    data.get(bytes);
    return bytes;
  }
}
