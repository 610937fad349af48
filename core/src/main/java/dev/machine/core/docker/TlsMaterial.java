package dev.machine.core.docker;

import dev.machine.core.cert.IoErrorText;
import dev.machine.core.cert.PemFiles;
import dev.machine.core.host.AuthOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS client set-up of Docker Machine's {@code ReadTLSConfig}: trust the store's CA (every
 * certificate of {@code CaCertPath}), present the client certificate and key.
 */
final class TlsMaterial {
  private TlsMaterial() {}

  /**
   * An SSL context for talking to daemons of this store. Fails with Go's texts, e.g. {@code open
   * /x/ca.pem: no such file or directory}, as a {@link TlsFailure}.
   */
  static TlsSetup load(AuthOptions auth) {
    List<X509Certificate> cas = read("open", () -> PemFiles.readCertificates(Path.of(auth.caCertPath())));
    if (cas.isEmpty()) {
      throw new TlsFailure("There was an error reading certificate");
    }
    List<X509Certificate> chain = read("open", () -> PemFiles.readCertificates(Path.of(auth.clientCertPath())));
    if (chain.isEmpty()) {
      throw new TlsFailure("tls: failed to find any PEM data in certificate input");
    }
    PrivateKey key = read("open", () -> PemFiles.readPrivateKey(Path.of(auth.clientKeyPath())));
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      for (int i = 0; i < cas.size(); i++) {
        anchors.setCertificateEntry("ca" + i, cas.get(i));
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(anchors);
      X509TrustManager pkix = (X509TrustManager) tmf.getTrustManagers()[0];
      ClientKeyManager keys = new ClientKeyManager(chain.toArray(X509Certificate[]::new), key);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new javax.net.ssl.KeyManager[] {keys}, new javax.net.ssl.TrustManager[] {new GoTrustManager(pkix)}, null);
      return new TlsSetup(context, keys);
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsFailure("tls: " + e.getMessage());
    }
  }

  /** A TLS context and the key manager inside it (which knows where our certificate went). */
  record TlsSetup(SSLContext context, ClientKeyManager keys) {}

  private interface Reader<T> {
    T read() throws IOException;
  }

  private static <T> T read(String op, Reader<T> reader) {
    try {
      return reader.read();
    } catch (IOException e) {
      throw new TlsFailure(IoErrorText.describe(op, e));
    }
  }
}
