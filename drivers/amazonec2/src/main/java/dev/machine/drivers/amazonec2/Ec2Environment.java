package dev.machine.drivers.amazonec2;

import dev.machine.core.host.RetryWait;
import java.time.Duration;
import java.util.Map;

/**
 * What the driver takes from the world outside it: environment variables (to tell a credential
 * given on the command line from one inherited from the environment, which is never persisted),
 * the EC2 client factory and the sleep between polls (tests pass one that does not sleep).
 */
record Ec2Environment(Map<String, String> variables, Ec2ClientFactory clients, RetryWait.Sleeper sleeper) {
  static Ec2Environment system() {
    return new Ec2Environment(System.getenv(), new SdkEc2ClientFactory(), d -> Thread.sleep(d.toMillis()));
  }

  String variable(String name) {
    String v = variables.get(name);
    return v == null ? "" : v;
  }

  /** A wait of {@code attempts} polls {@code interval} apart, sleeping with {@link #sleeper()}. */
  RetryWait retryWait(int attempts, Duration interval) {
    return new RetryWait(attempts, interval, sleeper);
  }
}
