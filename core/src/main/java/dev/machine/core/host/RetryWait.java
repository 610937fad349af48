package dev.machine.core.host;

import dev.machine.core.MachineException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Docker Machine's {@code mcnutils.WaitFor}: polls a condition a fixed number of times. */
public final class RetryWait {
  /** Sleeps between attempts; tests replace it to run without waiting. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final int attempts;
  private final Duration interval;
  private final Sleeper sleeper;

  public RetryWait(int attempts, Duration interval, Sleeper sleeper) {
    this.attempts = attempts;
    this.interval = interval;
    this.sleeper = sleeper;
  }

  /** 60 attempts, 3 s apart (about three minutes), as Docker Machine waits for a state. */
  public static RetryWait standard() {
    return new RetryWait(60, Duration.ofSeconds(3), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Returns once {@code condition} holds; fails with {@code Maximum number of retries (N) exceeded}.
   * An exception thrown by the condition counts as "not yet".
   */
  public void waitFor(BooleanSupplier condition) {
    waitFor(condition, e -> true);
  }

  /**
   * Returns once {@code condition} holds. Only the exceptions {@code retryable} accepts count as
   * "not yet" (e.g. an id the provider does not know yet); any other ends the wait at once and is
   * thrown as is. Fails with {@code Maximum number of retries (N) exceeded}, caused by the last
   * retryable exception if the last attempt threw one.
   */
  public void waitFor(BooleanSupplier condition, Predicate<? super RuntimeException> retryable) {
    RuntimeException last = null;
    for (int i = 0; i < attempts; i++) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (RuntimeException e) {
        if (!retryable.test(e)) {
          throw e;
        }
        last = e;
      }
      try {
        sleeper.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MachineException("Interrupted while waiting", e);
      }
    }
    throw new MachineException("Maximum number of retries (" + attempts + ") exceeded", last);
  }
}
