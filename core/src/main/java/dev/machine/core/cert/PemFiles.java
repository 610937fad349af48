package dev.machine.core.cert;

import dev.machine.core.files.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Reading and writing the PEM files of the store: certificates ({@code CERTIFICATE}) and private
 * keys, written as PKCS#1 {@code RSA PRIVATE KEY} like Docker Machine and read in any of the
 * unencrypted forms Go's TLS stack accepts (PKCS#1, PKCS#8, SEC 1 EC keys).
 *
 * <p>PEM is decoded here rather than with BouncyCastle's {@code PEMParser}, whose start-up
 * (~1 s in a cold JVM) would dominate {@code ls}; only BouncyCastle's small ASN.1 classes are used,
 * for key formats the JDK cannot read.
 */
public final class PemFiles {
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String RSA_KEY = "RSA PRIVATE KEY";
  private static final String PKCS8_KEY = "PRIVATE KEY";
  private static final String EC_KEY = "EC PRIVATE KEY";

  private PemFiles() {}

  /** One {@code -----BEGIN TYPE-----} block: its type and decoded bytes. */
  record Block(String type, byte[] der) {}

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
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = null;
      for (Block block : blocks(readString(path))) {
        if (block.type().equals(CERTIFICATE)) {
          if (factory == null) {
            factory = CertificateFactory.getInstance("X.509");
          }
          out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("x509: " + e.getMessage(), e);
    }
    return out;
  }

  /** The private key of a PEM file. */
  public static PrivateKey readPrivateKey(Path path) throws IOException {
    for (Block block : blocks(readString(path))) {
      try {
        switch (block.type()) {
          case RSA_KEY:
            return rsaFromPkcs1(block.der());
          case PKCS8_KEY:
            return fromPkcs8(block.der());
          case EC_KEY:
            return ecFromSec1(block.der());
          default:
            if (block.type().endsWith("PRIVATE KEY")) {
              throw new IOException("tls: unsupported private key type " + block.type());
            }
        }
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IOException("tls: failed to parse private key: " + e.getMessage(), e);
      }
    }
    throw new IOException("tls: failed to find any PEM data in key input");
  }

  private static PrivateKey rsaFromPkcs1(byte[] der) throws GeneralSecurityException {
    org.bouncycastle.asn1.pkcs.RSAPrivateKey k = org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der);
    return KeyFactory.getInstance("RSA")
        .generatePrivate(
            new RSAPrivateCrtKeySpec(
                k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(), k.getPrime2(),
                k.getExponent1(), k.getExponent2(), k.getCoefficient()));
  }

  private static PrivateKey fromPkcs8(byte[] der) throws GeneralSecurityException {
    String algorithm = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm()
        .equals(X9ObjectIdentifiers.id_ecPublicKey) ? "EC" : "RSA";
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static PrivateKey ecFromSec1(byte[] der) throws GeneralSecurityException, IOException {
    ECPrivateKey sec1 = ECPrivateKey.getInstance(der);
    PrivateKeyInfo info =
        new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()), sec1);
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
  }

  /** The PEM blocks of a text, in order; text outside blocks is ignored, as Go's {@code pem.Decode} does. */
  static List<Block> blocks(String text) throws IOException {
    List<Block> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int begin = text.indexOf("-----BEGIN ", from);
      if (begin < 0) {
        return out;
      }
      int typeEnd = text.indexOf("-----", begin + 11);
      if (typeEnd < 0) {
        return out;
      }
      String type = text.substring(begin + 11, typeEnd);
      String endMarker = "-----END " + type + "-----";
      int end = text.indexOf(endMarker, typeEnd + 5);
      if (end < 0) {
        return out;
      }
      String body = text.substring(typeEnd + 5, end);
      if (body.contains(":")) {
        throw new IOException("encrypted PEM blocks (" + type + ") are not supported");
      }
      try {
        out.add(new Block(type, Base64.getMimeDecoder().decode(body.strip())));
      } catch (IllegalArgumentException e) {
        throw new IOException("Failed to decode PEM data", e);
      }
      from = end + endMarker.length();
    }
  }

  /** {@code -----BEGIN CERTIFICATE-----} PEM. */
  public static String certificatePem(X509Certificate certificate) {
    try {
      return pem(CERTIFICATE, certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
  }

  /** {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1) PEM, Docker Machine's key format. */
  public static String rsaPrivateKeyPem(PrivateKey key) {
    try {
      byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded("DER");
      return pem(RSA_KEY, pkcs1);
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
    if (cert.getPublicKey() instanceof RSAPublicKey pub
        && key instanceof RSAPrivateKey priv
        && !pub.getModulus().equals(priv.getModulus())) {
      throw new IOException("tls: private key does not match public key");
    }
    return new IssuedCertificate(cert, key);
  }

  /** Go's {@code pem.Encode}: 64-character lines. */
  private static String pem(String type, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  /** Reads a file; errors stay {@link java.nio.file.FileSystemException}s for {@link IoErrorText}. */
  private static String readString(Path path) throws IOException {
    return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
  }
}
