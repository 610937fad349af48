package dev.machine.core.provision;

import dev.machine.core.MachineException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How long provisioning polls. Docker Machine's values are {@link #DOCKER_MACHINE}: 60 × 3 s for
 * {@code WaitFor} (docker ready after install, apt lock) and 10 × 3 s for the daemon's port.
 * Tests pass short intervals.
 *
 * @param attempts attempts of a general wait
 * @param interval pause after each failed attempt of a general wait
 * @param portAttempts attempts of the daemon port check
 * @param portInterval pause after each failed port check
 */
public record Waits(int attempts, Duration interval, int portAttempts, Duration portInterval) {
  public static final Waits DOCKER_MACHINE = new Waits(60, Duration.ofSeconds(3), 10, Duration.ofSeconds(3));

  /** Polls {@code condition} up to {@code attempts} times; true as soon as it holds. */
  static boolean poll(int attempts, Duration interval, BooleanSupplier condition) {
    for (int i = 0; i < attempts; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (i + 1 < attempts && !interval.isZero()) {
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MachineException("Interrupted while waiting", e);
        }
      }
    }
    return false;
  }

  /** Docker Machine's {@code WaitFor} error text. */
  static String retriesExceeded(int attempts) {
    return "Maximum number of retries (" + attempts + ") exceeded";
  }
}
