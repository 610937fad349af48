package dev.machine.drivers.amazonec2;

import java.net.URI;

/**
 * Everything needed to talk to one EC2 API: region, endpoint and credentials. Two machines with
 * equal connections can be asked about in one call ({@link #equals} is the batch group key).
 *
 * @param endpoint "" for AWS itself, else a host name or URL of an EC2-compatible API
 * @param insecure use {@code http://} for an endpoint given without a scheme
 * @param accessKey "" unless given explicitly (flag, or the environment during create)
 * @param profile a shared-credentials profile name, or "" for the SDK's default chain
 * @param retries how many times a failed request is retried (throttling, 5xx, I/O); -1 disables
 */
record Ec2Connection(
    String region,
    String endpoint,
    boolean insecure,
    String accessKey,
    String secretKey,
    String sessionToken,
    String profile,
    int retries) {

  boolean hasStaticKeys() {
    return !accessKey.isEmpty() && !secretKey.isEmpty();
  }

  boolean hasEndpoint() {
    return !endpoint.isEmpty();
  }

  /** The endpoint as a URI; a bare host name gets {@code https://}, or {@code http://} when insecure. */
  URI endpointUri() {
    String e = endpoint;
    if (!e.contains("://")) {
      e = (insecure ? "http://" : "https://") + e;
    }
    return URI.create(e);
  }

  /** A key without the secret's text, for grouping (secrets never leave this record in clear). */
  Object groupKey() {
    return new GroupKey(region, endpoint, accessKey, Integer.toHexString(secretKey.hashCode()), profile);
  }

  @Override
  public String toString() {
    return "Ec2Connection[region=" + region + ", endpoint=" + endpoint + ", profile=" + profile + "]";
  }

  private record GroupKey(String region, String endpoint, String accessKey, String secretHash, String profile) {}
}
