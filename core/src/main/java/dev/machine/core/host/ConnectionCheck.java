package dev.machine.core.host;

import dev.machine.core.docker.ConnectionChecker;

/** Checks a machine's Docker daemon over TLS and returns the URL to use. */
@FunctionalInterface
public interface ConnectionCheck {
  String check(Host host, boolean swarm);

  /** The real check ({@link ConnectionChecker}). */
  static ConnectionCheck tls() {
    ConnectionChecker checker = new ConnectionChecker();
    return checker::check;
  }
}
