package dev.machine.core.cert;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues certificates with Docker Machine's parameters (§4.1): RSA 2048, a random serial below
 * 2^128, SHA256withRSA, valid from the current minute minus 5 minutes (clock skew on fresh VMs)
 * for 1080 days, and a subject holding only an organisation.
 */
public final class CertificateIssuer {
  /** Key size of every key Docker Machine generates. */
  public static final int KEY_BITS = 2048;
  /** How long a certificate is valid. */
  public static final Duration VALIDITY = Duration.ofDays(1080);
  /** How far before "now" a certificate becomes valid. */
  public static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final BigInteger SERIAL_LIMIT = BigInteger.ONE.shiftLeft(128);
  private static final String SIGNATURE = "SHA256withRSA";

  private final Clock clock;
  private final SecureRandom random;

  public CertificateIssuer(Clock clock) {
    this(clock, new SecureRandom());
  }

  CertificateIssuer(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  /** A self-signed CA: O={@code org}, CA:TRUE, DigitalSignature|KeyEncipherment|KeyAgreement|CertSign. */
  public IssuedCertificate certificateAuthority(String org) {
    KeyPair keys = newKeyPair();
    X500Name subject = organisation(org);
    return sign(
        subject,
        keys,
        subject,
        keys.getPrivate(),
        keys.getPublic(),
        true,
        KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement | KeyUsage.keyCertSign,
        List.of(),
        List.of());
  }

  /** A client certificate signed by {@code ca}: DigitalSignature, ClientAuth. */
  public IssuedCertificate client(String org, IssuedCertificate ca) {
    return leaf(org, ca, KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_clientAuth), List.of());
  }

  /**
   * A server certificate signed by {@code ca}: DigitalSignature|KeyEncipherment|KeyAgreement,
   * ServerAuth (plus ClientAuth for a swarm master, whose manager also dials the agents), and the
   * SANs in order: IP literals as IP SANs, anything else as DNS SANs.
   */
  public IssuedCertificate server(String org, IssuedCertificate ca, List<String> sans, boolean alsoClientAuth) {
    List<KeyPurposeId> purposes = new ArrayList<>();
    purposes.add(KeyPurposeId.id_kp_serverAuth);
    if (alsoClientAuth) {
      purposes.add(KeyPurposeId.id_kp_clientAuth);
    }
    return leaf(
        org, ca, KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement, purposes, sans);
  }

  private IssuedCertificate leaf(
      String org, IssuedCertificate ca, int keyUsage, List<KeyPurposeId> purposes, List<String> sans) {
    KeyPair keys = newKeyPair();
    X509Certificate caCert = ca.certificate();
    return sign(
        organisation(org),
        keys,
        X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
        ca.privateKey(),
        caCert.getPublicKey(),
        false,
        keyUsage,
        purposes,
        sans);
  }

  private IssuedCertificate sign(
      X500Name subject,
      KeyPair keys,
      X500Name issuer,
      PrivateKey issuerKey,
      PublicKey issuerPublicKey,
      boolean isCa,
      int keyUsage,
      List<KeyPurposeId> purposes,
      List<String> sans) {
    Instant notBefore = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(BACKDATE);
    Instant notAfter = notBefore.plus(VALIDITY);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer, serial(), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      if (!purposes.isEmpty()) {
        builder.addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
      }
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      } else {
        builder.addExtension(
            Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerPublicKey));
      }
      GeneralNames altNames = subjectAlternativeNames(sans);
      if (altNames.getNames().length > 0) {
        builder.addExtension(Extension.subjectAlternativeName, false, altNames);
      }
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
      return new IssuedCertificate(cert, keys.getPrivate());
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Docker Machine's rule: whatever parses as an IP address is an IP SAN, the rest DNS SANs. Like
   * Go's encoder, DNS names come first, then IP addresses, each in the order given; empty values
   * are dropped.
   */
  static GeneralNames subjectAlternativeNames(List<String> sans) {
    List<GeneralName> dns = new ArrayList<>();
    List<GeneralName> ips = new ArrayList<>();
    for (String san : sans) {
      if (san == null || san.isEmpty()) {
        continue;
      }
      if (IpLiterals.isIpLiteral(san)) {
        ips.add(new GeneralName(GeneralName.iPAddress, IpLiterals.strip(san)));
      } else {
        dns.add(new GeneralName(GeneralName.dNSName, san));
      }
    }
    dns.addAll(ips);
    return new GeneralNames(dns.toArray(GeneralName[]::new));
  }

  private BigInteger serial() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, random);
    } while (serial.signum() == 0); // RFC 5280: serials are positive
    assert serial.compareTo(SERIAL_LIMIT) < 0;
    return serial;
  }

  private KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_BITS, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  private static X500Name organisation(String org) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, org).build();
  }
}
