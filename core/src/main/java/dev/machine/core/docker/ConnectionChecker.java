package dev.machine.core.docker;

import dev.machine.core.host.Host;

/** Docker Machine's connection check, run by {@code env}, {@code config} and at the end of {@code create}. */
public final class ConnectionChecker {
  /**
   * Validates the machine's certificates by a TLS handshake with its daemon and returns the Docker
   * URL to use ({@code tcp://ip:port}, the swarm URL with {@code swarm}). Failures carry Docker
   * Machine's exact texts, including the multi-line regenerate-certs hint.
   */
  public String check(Host host, boolean swarm) {
    throw new UnsupportedOperationException("the connection check is not implemented yet");
  }
}
