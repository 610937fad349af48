package dev.machine.core.docker;

import dev.machine.core.MachineException;

/**
 * A Docker daemon's TCP address, from a URL such as {@code tcp://10.0.0.5:2376} or
 * {@code tcp://[fd00::5]:2376}.
 */
public record DockerEndpoint(String host, int port) {
  /** Docker's TLS port, used when a URL has none. */
  public static final int DEFAULT_PORT = 2376;

  /** Parses {@code tcp://host:port} (the scheme is optional). */
  public static DockerEndpoint parse(String url) {
    String s = url == null ? "" : url.trim();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    String host;
    String port = "";
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new MachineException("Error parsing URL: parse " + url + ": missing ']' in host");
      }
      host = s.substring(1, close);
      if (s.length() > close + 1 && s.charAt(close + 1) == ':') {
        port = s.substring(close + 2);
      }
    } else {
      int colon = s.lastIndexOf(':');
      host = colon >= 0 ? s.substring(0, colon) : s;
      port = colon >= 0 ? s.substring(colon + 1) : "";
    }
    if (host.isEmpty()) {
      throw new MachineException("Error parsing URL: no host in \"" + url + "\"");
    }
    try {
      int p = port.isEmpty() ? DEFAULT_PORT : Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
      return new DockerEndpoint(host, p);
    } catch (NumberFormatException e) {
      throw new MachineException("Error parsing URL: invalid port \":" + port + "\" after host");
    }
  }

  /** {@code host:port}, with brackets around an IPv6 address (Go's {@code url.Host}). */
  public String hostPort() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** {@code tcp://host:port}. */
  public String url() {
    return "tcp://" + hostPort();
  }
}
