package dev.machine.drivers.amazonec2;

import dev.machine.core.MachineException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** RSA-2048 keys as Docker Machine makes them: PKCS#1 PEM private key, {@code ssh-rsa} public key. */
final class RsaMachineKeys implements MachineKeys {
  @Override
  public String generate(Path privateKey) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      StringWriter pem = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
        writer.writeObject(pair.getPrivate());
      }
      String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(sshRsaBlob((RSAPublicKey) pair.getPublic())) + "\n";
      writeSecret(privateKey, pem.toString());
      writeSecret(privateKey.resolveSibling(privateKey.getFileName() + ".pub"), publicKey);
      return publicKey;
    } catch (IOException | GeneralSecurityException e) {
      throw new MachineException("Error generating SSH key: " + e.getMessage(), e);
    }
  }

  private static byte[] sshRsaBlob(RSAPublicKey key) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
    writeString(out, key.getPublicExponent().toByteArray());
    writeString(out, key.getModulus().toByteArray());
    return bytes.toByteArray();
  }

  private static void writeString(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  static void writeSecret(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }

}
