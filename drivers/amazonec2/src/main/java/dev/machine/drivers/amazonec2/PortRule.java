package dev.machine.drivers.amazonec2;

/** An ingress rule the driver opens to {@code 0.0.0.0/0}: one port and a protocol ({@code tcp}/{@code udp}). */
record PortRule(int port, String protocol) {
  String key() {
    return port + "/" + protocol;
  }
}
