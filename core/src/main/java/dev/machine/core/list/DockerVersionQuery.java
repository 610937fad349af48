package dev.machine.core.list;

import dev.machine.core.docker.DockerTlsClient;
import dev.machine.core.host.AuthOptions;
import java.time.Duration;

/** Asks a machine's daemon for its version over TLS. */
@FunctionalInterface
public interface DockerVersionQuery {
  String serverVersion(AuthOptions auth, String url, Duration timeout);

  /** The real query ({@link DockerTlsClient}). */
  static DockerVersionQuery tls() {
    return (auth, url, timeout) -> new DockerTlsClient(auth).serverVersion(url, timeout);
  }
}
