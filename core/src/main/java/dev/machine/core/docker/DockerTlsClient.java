package dev.machine.core.docker;

import dev.machine.core.host.AuthOptions;
import java.time.Duration;

/** Talks to a Docker daemon over mutual TLS with the store's CA and client certificate. */
public final class DockerTlsClient {
  private final AuthOptions auth;

  public DockerTlsClient(AuthOptions auth) {
    this.auth = auth;
  }

  /** The daemon's version ({@code GET /v1.15/version}, field {@code Version}), e.g. {@code 20.10.24}. */
  public String serverVersion(String dockerUrl, Duration timeout) {
    throw new UnsupportedOperationException("the Docker TLS client is not implemented yet");
  }
}
