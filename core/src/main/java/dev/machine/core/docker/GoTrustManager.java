package dev.machine.core.docker;

import dev.machine.core.cert.IpLiterals;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies a daemon's certificate as Go's {@code crypto/tls} client does: the chain against the
 * store's CA (PKIX), then the host name against the SANs only (IP SANs for an IP address, DNS
 * SANs otherwise; no Common Name fallback). Failures carry Go's {@code x509: ...} texts.
 */
final class GoTrustManager extends X509ExtendedTrustManager {
  private final X509TrustManager pkix;

  GoTrustManager(X509TrustManager pkix) {
    this.pkix = pkix;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    String host = null;
    if (socket instanceof SSLSocket ssl) {
      SSLSession session = ssl.getHandshakeSession();
      host = session == null ? null : session.getPeerHost();
    }
    verify(chain, authType, host);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(chain, authType, engine == null ? null : engine.getPeerHost());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    verify(chain, authType, null);
  }

  private void verify(X509Certificate[] chain, String authType, String host) throws CertificateException {
    try {
      pkix.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw new GoCertificateException(chainError(e), e);
    }
    if (host == null) {
      throw new GoCertificateException("x509: cannot verify a certificate without a host name", null);
    }
    checkHostname(chain[0], host);
  }

  /** Go's texts for chain failures. */
  static String chainError(CertificateException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
        return "x509: certificate has expired or is not yet valid";
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("extended key usage") || m.contains("keyusage") || m.contains("key usage")) {
        return "x509: certificate specifies an incompatible key usage";
      }
      if (m.contains("validity check failed")) {
        return "x509: certificate has expired or is not yet valid";
      }
    }
    // PKIX path building failed: no chain to a trusted CA.
    return "x509: certificate signed by unknown authority";
  }

  /** Go's {@code VerifyHostname} and {@code HostnameError} texts. */
  static void checkHostname(X509Certificate cert, String host) throws CertificateException {
    List<String> dnsNames = new ArrayList<>();
    List<InetAddress> ips = new ArrayList<>();
    sans(cert, dnsNames, ips);
    String candidate = IpLiterals.strip(host);
    if (IpLiterals.isIpLiteral(candidate)) {
      InetAddress wanted = literal(candidate);
      List<String> valid = new ArrayList<>();
      for (InetAddress ip : ips) {
        if (ip.equals(wanted)) {
          return;
        }
        valid.add(ip.getHostAddress());
      }
      if (ips.isEmpty()) {
        throw new GoCertificateException(
            "x509: cannot validate certificate for " + candidate + " because it doesn't contain any IP SANs", null);
      }
      throw new GoCertificateException(
          "x509: certificate is valid for " + String.join(", ", valid) + ", not " + candidate, null);
    }
    String wanted = stripDot(candidate.toLowerCase(Locale.ROOT));
    for (String name : dnsNames) {
      if (matches(stripDot(name.toLowerCase(Locale.ROOT)), wanted)) {
        return;
      }
    }
    if (dnsNames.isEmpty()) {
      throw new GoCertificateException(
          "x509: certificate is not valid for any names, but wanted to match " + candidate, null);
    }
    throw new GoCertificateException(
        "x509: certificate is valid for " + String.join(", ", dnsNames) + ", not " + candidate, null);
  }

  /** A SAN pattern against a host: exact, or a left-most {@code *} label covering exactly one label. */
  private static boolean matches(String pattern, String host) {
    if (pattern.equals(host)) {
      return true;
    }
    if (!pattern.startsWith("*.")) {
      return false;
    }
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot).equals(pattern.substring(1));
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static void sans(X509Certificate cert, List<String> dns, List<InetAddress> ips)
      throws CertificateParsingException {
    Collection<List<?>> all = cert.getSubjectAlternativeNames();
    if (all == null) {
      return;
    }
    for (List<?> san : all) {
      int type = (Integer) san.get(0);
      if (type == 2) {
        dns.add((String) san.get(1));
      } else if (type == 7) {
        ips.add(literal((String) san.get(1)));
      }
    }
  }

  /** Parses an IP literal; never resolves a name (callers pass literals only). */
  private static InetAddress literal(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("client certificates are not accepted here");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("client certificates are not accepted here");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("client certificates are not accepted here");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pkix.getAcceptedIssuers();
  }

  /** A verification failure whose message is Go's text. */
  static final class GoCertificateException extends CertificateException {
    GoCertificateException(String goText, Throwable cause) {
      super(goText, cause);
    }
  }
}
