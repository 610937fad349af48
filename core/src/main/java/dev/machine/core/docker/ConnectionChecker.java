package dev.machine.core.docker;

import dev.machine.core.DebugLog;
import dev.machine.core.MachineException;
import dev.machine.core.golang.GoQuote;
import dev.machine.core.host.Host;
import dev.machine.core.host.SwarmOptions;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * Docker Machine's connection check (§4.4), run by {@code env}, {@code config} and at the end of
 * {@code create}: proves the machine's daemon accepts the store's certificates before a user is
 * pointed at it.
 *
 * <p>Beyond Docker Machine's bare handshake, one {@code GET /_ping} follows it: under TLS 1.3 a
 * daemon rejects a client certificate only after the client's handshake has completed, so without
 * it a rejected certificate would pass the check (Docker Machine, built on TLS 1.2, saw it in the
 * handshake).
 */
public final class ConnectionChecker {
  /** Docker Machine's dial timeout for the check. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  /** The program name used in the regenerate-certs hint unless another is given. */
  public static final String DEFAULT_PROGRAM = "docker-machine";

  private final Duration timeout;

  public ConnectionChecker() {
    this(DEFAULT_TIMEOUT);
  }

  public ConnectionChecker(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Validates the machine's certificates by a TLS handshake with its daemon and returns the Docker
   * URL to use ({@code tcp://ip:port}, the swarm URL with {@code swarm}). Failures carry Docker
   * Machine's exact texts, including the multi-line regenerate-certs hint.
   */
  public String check(Host host, boolean swarm) {
    return check(host, swarm, DEFAULT_PROGRAM);
  }

  /**
   * As {@link #check(Host, boolean)}, naming {@code program} in the hint ({@code You can attempt to
   * regenerate them using '<program> regenerate-certs [name]'.}).
   */
  public String check(Host host, boolean swarm, String program) {
    String dockerUrl = host.driver().url();
    String url = swarm ? swarmUrl(dockerUrl, host) : dockerUrl;
    DockerEndpoint endpoint = DockerEndpoint.parse(url);
    String failure = validate(endpoint, host);
    if (failure == null) {
      return url;
    }
    if (swarm && validate(DockerEndpoint.parse(dockerUrl), host) == null) {
      throw new MachineException(
          "Connection to Swarm cannot be checked but the certs are valid. Maybe swarm is not started");
    }
    throw new MachineException(
        "Error checking and/or regenerating the certs: There was an error validating certificates for host "
            + GoQuote.quote(endpoint.hostPort())
            + ": "
            + failure
            + "\nYou can attempt to regenerate them using '"
            + program
            + " regenerate-certs [name]'.\n"
            + "Be advised that this will trigger a Docker daemon restart which might stop running containers.\n");
  }

  /** The Go-worded reason the daemon at {@code endpoint} does not accept our certificates, or null. */
  private String validate(DockerEndpoint endpoint, Host host) {
    if (DebugLog.enabled()) {
      DebugLog.debug(ConnectionChecker.class, "Checking the TLS connection to {} (CA {}, client certificate {})",
          endpoint.hostPort(), host.hostOptions().authOptions().caCertPath(),
          host.hostOptions().authOptions().clientCertPath());
    }
    long start = System.nanoTime();
    String failure = handshake(endpoint, host);
    DebugLog.debug(ConnectionChecker.class, "TLS connection to {}: {} after {} ms", endpoint.hostPort(),
        failure == null ? "accepted" : failure, DebugLog.millisSince(start));
    return failure;
  }

  private String handshake(DockerEndpoint endpoint, Host host) {
    Deadline deadline = Deadline.after(timeout);
    try {
      TlsDialer dialer = new TlsDialer(TlsMaterial.load(host.hostOptions().authOptions()));
      try (SSLSocket socket = dialer.dial(endpoint, deadline)) {
        try {
          socket.setSoTimeout(deadline.remainingMillis());
          MiniHttp.get(socket, endpoint, "/_ping", false);
        } catch (IOException e) {
          throw dialer.failure(socket, e, endpoint.hostPort());
        }
      } catch (IOException e) {
        // Only from closing the socket after a successful exchange.
      }
      return null;
    } catch (TlsFailure e) {
      return e.getMessage();
    }
  }

  /** {@code tcp://<machine IP>:<swarm host port>} for a swarm master. */
  private static String swarmUrl(String dockerUrl, Host host) {
    SwarmOptions swarm = host.hostOptions().swarmOptions();
    if (swarm == null || !swarm.master()) {
      throw new MachineException(
          GoQuote.quote(host.name()) + " is not a swarm master. The --swarm flag is intended for use with swarm masters");
    }
    String swarmHost = swarm.host() == null || swarm.host().isEmpty() ? SwarmOptions.DEFAULT_HOST : swarm.host();
    DockerEndpoint swarmEndpoint;
    DockerEndpoint machine;
    try {
      swarmEndpoint = DockerEndpoint.parse(swarmHost);
      machine = DockerEndpoint.parse(dockerUrl);
    } catch (MachineException e) {
      throw new MachineException("There was an error parsing the url: " + e.getMessage(), e);
    }
    return new DockerEndpoint(machine.host(), swarmEndpoint.port()).url();
  }
}
