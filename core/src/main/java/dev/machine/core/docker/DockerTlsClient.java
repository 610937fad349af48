package dev.machine.core.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.machine.core.MachineException;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.Host;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * Talks to a Docker daemon over mutual TLS with the store's CA and client certificate. One
 * instance may serve many daemons of the same store, from many threads at once ({@code ls}): the
 * certificates are read and the TLS context built once, on first use.
 */
public final class DockerTlsClient {
  /** The prefix of every version-query error, as Docker Machine prints it. */
  public static final String VERSION_ERROR_PREFIX = "Unable to query docker version: ";
  /** Docker Machine's text for a refused connection (samalba/dockerclient's {@code ErrConnectionRefused}). */
  public static final String CONNECTION_REFUSED = "Cannot connect to the docker engine endpoint";

  private static final String VERSION_PATH = "/v1.15/version";

  private final AuthOptions auth;
  private volatile TlsMaterial.TlsSetup setup;

  public DockerTlsClient(AuthOptions auth) {
    this.auth = auth;
  }

  /**
   * A machine's Docker version, as {@code docker-machine version NAME} shows it: every failure,
   * {@code Host is not running} included, reads {@code Unable to query docker version: ...}.
   */
  public static String serverVersion(Host host, Duration timeout) {
    String url;
    try {
      url = host.driver().url();
    } catch (MachineException e) {
      throw new MachineException(VERSION_ERROR_PREFIX + e.getMessage(), e);
    }
    return new DockerTlsClient(host.hostOptions().authOptions()).serverVersion(url, timeout);
  }

  /**
   * The daemon's version ({@code GET /v1.15/version}, field {@code Version}), e.g. {@code 20.10.24}.
   *
   * @param dockerUrl {@code tcp://host:port}
   * @param timeout for the whole exchange: connection, handshake and response
   * @throws MachineException {@code Unable to query docker version: <Go-worded cause>}, e.g.
   *     {@code ... Cannot connect to the docker engine endpoint} or {@code ... Get
   *     "https://10.0.0.5:2376/v1.15/version": x509: certificate signed by unknown authority}
   */
  public String serverVersion(String dockerUrl, Duration timeout) {
    Deadline deadline = Deadline.after(timeout);
    DockerEndpoint endpoint;
    TlsMaterial.TlsSetup tls;
    try {
      endpoint = DockerEndpoint.parse(dockerUrl);
      tls = tlsSetup();
    } catch (MachineException | TlsFailure e) {
      throw new MachineException(VERSION_ERROR_PREFIX + e.getMessage(), e);
    }
    String requestUrl = "https://" + endpoint.hostPort() + VERSION_PATH;
    TlsDialer dialer = new TlsDialer(tls);
    try (SSLSocket socket = dialer.dial(endpoint, deadline)) {
      MiniHttp.Response response;
      try {
        socket.setSoTimeout(deadline.remainingMillis());
        response = MiniHttp.get(socket, endpoint, VERSION_PATH, true);
      } catch (IOException e) {
        throw dialer.failure(socket, e, endpoint.hostPort());
      }
      if (response.code() >= 400) {
        throw new MachineException(VERSION_ERROR_PREFIX + response.status() + ": " + response.bodyText().trim());
      }
      return versionField(response.body());
    } catch (TlsFailure e) {
      String cause = e.connectionRefused() ? CONNECTION_REFUSED : "Get \"" + requestUrl + "\": " + e.getMessage();
      throw new MachineException(VERSION_ERROR_PREFIX + cause, e);
    } catch (IOException e) {
      // Only from closing the socket, after the answer was read.
      throw new MachineException(VERSION_ERROR_PREFIX + e.getMessage(), e);
    }
  }

  /** The TLS context, built once; failures are not cached, so a fixed file works on the next call. */
  private TlsMaterial.TlsSetup tlsSetup() {
    TlsMaterial.TlsSetup s = setup;
    if (s == null) {
      synchronized (this) {
        s = setup;
        if (s == null) {
          s = TlsMaterial.load(auth);
          setup = s;
        }
      }
    }
    return s;
  }

  /** The top-level {@code Version} string of the daemon's answer ("" if absent, as Go decodes it). */
  static String versionField(byte[] json) {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MachineException(VERSION_ERROR_PREFIX + "unexpected answer from the docker engine");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("Version") && value == JsonToken.VALUE_STRING) {
          return p.getText();
        }
        p.skipChildren();
      }
      return "";
    } catch (IOException e) {
      throw new MachineException(VERSION_ERROR_PREFIX + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
  }
}
