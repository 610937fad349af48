package dev.machine.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Checks every generated certificate shares Docker Machine's parameters (§4.1). */
final class CertificateAssertions {
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private CertificateAssertions() {}

  /** RSA 2048, SHA256withRSA, serial in (0, 2^128), validity window from {@code issuedAt}, O only. */
  static void assertCommonParameters(X509Certificate cert, Instant issuedAt, String org) {
    assertThat(cert.getPublicKey()).isInstanceOf(RSAPublicKey.class);
    assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(cert.getSerialNumber().signum()).isPositive();
    assertThat(cert.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
    Instant notBefore = issuedAt.truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(notBefore);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(notBefore.plus(1080, ChronoUnit.DAYS));
    assertThat(subjectAttributes(cert.getSubjectX500Principal())).containsExactly("O=" + org);
    assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.15", "2.5.29.19"); // KU, BasicConstraints
    assertThat(cert.getVersion()).isEqualTo(3);
  }

  /** Every RDN of a name, as TYPE=value: proves there is no CN or anything else besides O. */
  static List<String> subjectAttributes(X500Principal principal) {
    X500Name name = X500Name.getInstance(principal.getEncoded());
    List<String> out = new ArrayList<>();
    for (var rdn : name.getRDNs()) {
      for (var atv : rdn.getTypesAndValues()) {
        out.add(BCStyle.INSTANCE.oidToDisplayName(atv.getType()) + "=" + atv.getValue());
      }
    }
    return out;
  }

  /** The names of the key usage bits that are set. */
  static List<String> keyUsages(X509Certificate cert) {
    String[] names = {
      "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
      "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"
    };
    List<String> out = new ArrayList<>();
    boolean[] bits = cert.getKeyUsage();
    for (int i = 0; i < bits.length && i < names.length; i++) {
      if (bits[i]) {
        out.add(names[i]);
      }
    }
    return out;
  }

  /** SANs as "DNS:x" / "IP:y", in certificate order. */
  static List<String> sans(X509Certificate cert) throws Exception {
    Collection<List<?>> all = cert.getSubjectAlternativeNames();
    List<String> out = new ArrayList<>();
    if (all != null) {
      for (List<?> san : all) {
        int type = (Integer) san.get(0);
        out.add((type == 2 ? "DNS:" : type == 7 ? "IP:" : type + ":") + san.get(1));
      }
    }
    return out;
  }

  static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
