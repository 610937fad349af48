package dev.machine.core.docker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.cert.CertificateIssuer;
import dev.machine.core.cert.IssuedCertificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Host-name verification with Go's rules and texts, on certificates our issuer makes. */
class GoTrustManagerTest {
  static IssuedCertificate ca;
  static CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC());

  @BeforeAll
  static void makeCa() {
    ca = issuer.certificateAuthority("alice");
  }

  static X509Certificate server(String... sans) {
    return issuer.server("alice.dev", ca, List.of(sans), false).certificate();
  }

  @Test
  void ipHostsMatchIpSansOnly() {
    X509Certificate cert = server("10.0.0.5", "localhost", "fd00::5");
    assertThatCode(() -> GoTrustManager.checkHostname(cert, "10.0.0.5")).doesNotThrowAnyException();
    assertThatCode(() -> GoTrustManager.checkHostname(cert, "fd00:0::5")).doesNotThrowAnyException();
    assertThatCode(() -> GoTrustManager.checkHostname(cert, "localhost")).doesNotThrowAnyException();
    assertThatThrownBy(() -> GoTrustManager.checkHostname(cert, "10.0.0.6"))
        .hasMessage("x509: certificate is valid for 10.0.0.5, fd00:0:0:0:0:0:0:5, not 10.0.0.6");
  }

  @Test
  void anIpHostAndACertificateWithoutIpSans() {
    assertThatThrownBy(() -> GoTrustManager.checkHostname(server("docker.example.com"), "10.0.0.6"))
        .hasMessage("x509: cannot validate certificate for 10.0.0.6 because it doesn't contain any IP SANs");
  }

  @Test
  void namesMatchDnsSansCaseInsensitivelyWithWildcards() {
    X509Certificate cert = server("*.example.com", "Docker.Test", "10.0.0.5");
    assertThatCode(() -> GoTrustManager.checkHostname(cert, "a.example.com")).doesNotThrowAnyException();
    assertThatCode(() -> GoTrustManager.checkHostname(cert, "docker.test.")).doesNotThrowAnyException();
    assertThatThrownBy(() -> GoTrustManager.checkHostname(cert, "a.b.example.com"))
        .hasMessage("x509: certificate is valid for *.example.com, Docker.Test, not a.b.example.com");
    assertThatThrownBy(() -> GoTrustManager.checkHostname(server("10.0.0.5"), "docker.test"))
        .hasMessage("x509: certificate is not valid for any names, but wanted to match docker.test");
  }
}
