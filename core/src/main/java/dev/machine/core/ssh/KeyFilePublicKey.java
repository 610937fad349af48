package dev.machine.core.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.LoggerFactory;

/**
 * The public key of a private key file, found without its passphrase where OpenSSH looks for it
 * with {@code -i}: {@code <key>.pub} first, then the copy an OpenSSH v1 file keeps in clear.
 */
final class KeyFilePublicKey {
  private KeyFilePublicKey() {}

  /** The public key's SSH wire encoding, or {@code null} if neither place has it. */
  static byte[] find(Path privateKey, KeyFileHeader header) {
    Path pub = SshKeys.publicKeyPath(privateKey);
    if (Files.isRegularFile(pub)) {
      try {
        byte[] blob = parseLine(Files.readString(pub, StandardCharsets.ISO_8859_1));
        if (blob != null) {
          return blob;
        }
      } catch (IOException e) {
        // As OpenSSH: an unreadable .pub is no error while the private file may still tell.
        LoggerFactory.getLogger(KeyFilePublicKey.class).debug("Cannot read {}: {}", pub, e.toString());
      }
    }
    return header.publicBlob();
  }

  /**
   * The blob of the first key in {@code authorized_keys} text ({@code type base64 [comment]}), or
   * {@code null} if there is none or it is malformed (its blob must name the same type).
   */
  static byte[] parseLine(String text) {
    for (String line : text.split("\\R")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length < 2 || fields[0].startsWith("#")) {
        continue;
      }
      try {
        byte[] blob = Base64.getDecoder().decode(fields[1]);
        return SshKeys.keyType(blob).equals(fields[0]) ? blob : null;
      } catch (IllegalArgumentException | IOException e) {
        return null;
      }
    }
    return null;
  }
}
