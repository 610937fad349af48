package dev.machine.drivers.amazonec2;

import java.time.Duration;
import java.util.Map;

/**
 * What the driver takes from the world outside it: environment variables (to tell a credential
 * given on the command line from one inherited from the environment, which is never persisted),
 * the EC2 client factory and the clock used between polls.
 */
record Ec2Environment(Map<String, String> variables, Ec2ClientFactory clients, Sleeper sleeper) {
  /** Waits between polls; tests pass one that does not sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration);
  }

  static Ec2Environment system() {
    return new Ec2Environment(System.getenv(), new SdkEc2ClientFactory(), Ec2Environment::sleepFor);
  }

  String variable(String name) {
    String v = variables.get(name);
    return v == null ? "" : v;
  }

  private static void sleepFor(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.machine.core.MachineException("interrupted", e);
    }
  }
}
