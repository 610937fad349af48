package dev.machine.core.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reading and writing the PEM files of the store: certificates ({@code CERTIFICATE}) and private
 * keys, written as PKCS#1 {@code RSA PRIVATE KEY} like Docker Machine and read in any of the
 * unencrypted forms Go's TLS stack accepts (PKCS#1, PKCS#8, SEC 1 EC keys).
 */
public final class PemFiles {
  private PemFiles() {}

  /** The first certificate of a PEM file. Fails with Go's {@code Failed to decode PEM data} on garbage. */
  public static X509Certificate readCertificate(Path path) throws IOException {
    List<X509Certificate> all = readCertificates(path);
    if (all.isEmpty()) {
      throw new IOException("Failed to decode PEM data");
    }
    return all.get(0);
  }

  /** Every certificate of a PEM file, in order (a chain, or a bundle of CAs). */
  public static List<X509Certificate> readCertificates(Path path) throws IOException {
    String text = readString(path);
    List<X509Certificate> out = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (PemObject pem = parser.readPemObject(); pem != null; pem = parser.readPemObject()) {
        if (pem.getType().equals("CERTIFICATE")) {
          out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(pem.getContent())));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("x509: " + e.getMessage(), e);
    }
    return out;
  }

  /** The private key of a PEM file. */
  public static PrivateKey readPrivateKey(Path path) throws IOException {
    String text = readString(path);
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException("tls: failed to parse private key " + path + ": " + e.getMessage(), e);
    }
    throw new IOException("tls: failed to find any PEM data in key input");
  }

  /** {@code -----BEGIN CERTIFICATE-----} PEM. */
  public static String certificatePem(X509Certificate certificate) {
    try {
      return pem(new PemObject("CERTIFICATE", certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
  }

  /** {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1) PEM, Docker Machine's key format. */
  public static String rsaPrivateKeyPem(PrivateKey key) {
    try {
      byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded("DER");
      return pem(new PemObject("RSA PRIVATE KEY", pkcs1));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode private key", e);
    }
  }

  /** Writes a certificate (0644) and its PKCS#1 key (0600) atomically, the two renamed together. */
  public static void writeCertificateAndKey(Path certPath, Path keyPath, IssuedCertificate issued)
      throws IOException {
    AtomicFiles.writeAll(
        List.of(
            new AtomicFiles.Pending(
                certPath, certificatePem(issued.certificate()).getBytes(StandardCharsets.US_ASCII), AtomicFiles.PUBLIC),
            new AtomicFiles.Pending(
                keyPath, rsaPrivateKeyPem(issued.privateKey()).getBytes(StandardCharsets.US_ASCII), AtomicFiles.PRIVATE)));
  }

  /**
   * Reads a certificate and its key, failing like Go's {@code tls.LoadX509KeyPair} when they are
   * not a pair ({@code tls: private key does not match public key}).
   */
  public static IssuedCertificate readCertificateAndKey(Path certPath, Path keyPath) throws IOException {
    X509Certificate cert = readCertificate(certPath);
    PrivateKey key = readPrivateKey(keyPath);
    if (cert.getPublicKey() instanceof java.security.interfaces.RSAPublicKey pub
        && key instanceof java.security.interfaces.RSAPrivateKey priv
        && !pub.getModulus().equals(priv.getModulus())) {
      throw new IOException("tls: private key does not match public key");
    }
    return new IssuedCertificate(cert, key);
  }

  private static String pem(PemObject object) {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /** Reads a file; errors stay {@link java.nio.file.FileSystemException}s for {@link IoErrorText}. */
  private static String readString(Path path) throws IOException {
    return Files.readString(path, StandardCharsets.US_ASCII);
  }

}
