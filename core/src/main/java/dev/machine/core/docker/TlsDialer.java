package dev.machine.core.docker;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Opens a TCP connection and completes a TLS handshake before a deadline, turning every failure
 * into a {@link TlsFailure} worded like Go's {@code net}/{@code crypto/tls} errors.
 */
final class TlsDialer {
  private final SSLContext context;
  private final ClientKeyManager keys;

  TlsDialer(TlsMaterial.TlsSetup setup) {
    this.context = setup.context();
    this.keys = setup.keys();
  }

  /** A connected, handshaken socket; the caller closes it. */
  SSLSocket dial(DockerEndpoint endpoint, Deadline deadline) {
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(java.net.InetAddress.getByName(endpoint.host()), endpoint.port());
    } catch (UnknownHostException e) {
      throw new TlsFailure("dial tcp: lookup " + endpoint.host() + ": no such host", false, e);
    }
    String dialed = new DockerEndpoint(address.getAddress().getHostAddress(), endpoint.port()).hostPort();
    Socket plain = new Socket();
    try {
      plain.connect(address, deadline.remainingMillis());
    } catch (IOException e) {
      closeQuietly(plain);
      throw connectFailure(e, dialed);
    }
    SSLSocket ssl = null;
    try {
      plain.setSoTimeout(deadline.remainingMillis());
      plain.setTcpNoDelay(true);
      // The host given here is what the trust manager verifies and, for names, the SNI sent.
      ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, endpoint.host(), endpoint.port(), true);
      ssl.startHandshake();
      return ssl;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ssl != null ? ssl : plain);
      throw ssl != null ? failure(ssl, e, dialed) : streamFailure(e, dialed);
    }
  }

  /** A failure on {@code ssl}, during or after the handshake, in Go's words. */
  TlsFailure failure(SSLSocket ssl, Throwable e, String dialed) {
    if (keys.offeredTo(ssl) && brokenConnection(e)) {
      // JSSE sends Certificate, CertificateVerify and Finished in separate writes. A daemon that
      // rejects the certificate alerts and closes on the first, so a later write meets a reset
      // and the kernel drops the alert (under TLS 1.3 this can also hit the first request). Go's
      // client writes the flight at once and reads the alert: this is the text it shows.
      return new TlsFailure("remote error: tls: bad certificate", false, e);
    }
    return streamFailure(e, dialed);
  }

  private static boolean brokenConnection(Throwable e) {
    if (e instanceof EOFException) {
      return true;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("broken pipe") || m.contains("connection reset") || m.contains("remote host terminated");
  }

  static TlsFailure connectFailure(IOException e, String dialed) {
    String prefix = "dial tcp " + dialed + ": ";
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof SocketTimeoutException) {
      return new TlsFailure(prefix + "i/o timeout", false, e);
    }
    if (e instanceof NoRouteToHostException || m.contains("no route to host")) {
      return new TlsFailure(prefix + "connect: no route to host", false, e);
    }
    if (m.contains("network is unreachable")) {
      return new TlsFailure(prefix + "connect: network is unreachable", false, e);
    }
    if (e instanceof ConnectException && m.contains("refused")) {
      return new TlsFailure(prefix + "connect: connection refused", true, e);
    }
    return new TlsFailure(prefix + "connect: " + m, false, e);
  }

  /** Failures once connected: verification, alerts from the daemon, a non-TLS peer, timeouts. */
  static TlsFailure streamFailure(Throwable e, String dialed) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GoTrustManager.GoCertificateException) {
        return new TlsFailure(t.getMessage(), false, e);
      }
    }
    if (e instanceof SocketTimeoutException) {
      return new TlsFailure("read tcp " + dialed + ": i/o timeout", false, e);
    }
    if (e instanceof EOFException) {
      return new TlsFailure("EOF", false, e);
    }
    String m = String.valueOf(e.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    int alert = m.indexOf("Received fatal alert: ");
    if (alert >= 0) {
      return new TlsFailure("remote error: tls: " + goAlert(m.substring(alert + 22).trim()), false, e);
    }
    if (lower.contains("unsupported or unrecognized ssl message")) {
      return new TlsFailure("tls: first record does not look like a TLS handshake", false, e);
    }
    if (lower.contains("remote host terminated the handshake") || lower.contains("connection closed")) {
      return new TlsFailure("EOF", false, e);
    }
    if (lower.contains("connection reset")) {
      return new TlsFailure("read tcp " + dialed + ": read: connection reset by peer", false, e);
    }
    return new TlsFailure("tls: " + m, false, e);
  }

  /** Go's names of TLS alerts, from the JDK's. */
  static String goAlert(String jdkName) {
    return switch (jdkName) {
      case "unknown_ca" -> "unknown certificate authority";
      case "certificate_required" -> "certificate required";
      case "certificate_expired" -> "expired certificate";
      case "certificate_unknown" -> "unknown certificate";
      case "certificate_revoked" -> "revoked certificate";
      case "protocol_version" -> "protocol version not supported";
      case "decrypt_error" -> "error decrypting message";
      default -> jdkName.replace('_', ' ');
    };
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Nothing to do: the connection is being abandoned.
    }
  }
}
