package dev.machine.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryWaitTest {
  private final List<Duration> sleeps = new ArrayList<>();
  private final RetryWait wait = new RetryWait(3, Duration.ofSeconds(3), sleeps::add);

  @Test
  void returnsAsSoonAsTheConditionHolds() {
    AtomicInteger calls = new AtomicInteger();
    wait.waitFor(() -> calls.incrementAndGet() == 2);
    assertThat(calls).hasValue(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void givesUpAfterTheGivenNumberOfAttempts() {
    assertThatThrownBy(() -> wait.waitFor(() -> false)).hasMessage("Maximum number of retries (3) exceeded");
  }

  @Test
  void anyFailureIsNotYetByDefault() {
    AtomicInteger calls = new AtomicInteger();
    wait.waitFor(
        () -> {
          if (calls.incrementAndGet() < 3) {
            throw new IllegalStateException("not there yet");
          }
          return true;
        });
    assertThat(calls).hasValue(3);
  }

  @Test
  void onlyRetryableFailuresAreRetriedAndOthersEndTheWaitAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                wait.waitFor(
                    () -> {
                      if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("not found yet");
                      }
                      throw new MachineException("access denied");
                    },
                    e -> e instanceof IllegalStateException))
        .isInstanceOf(MachineException.class)
        .hasMessage("access denied");
    assertThat(calls).hasValue(2);
  }

  @Test
  void exhaustedRetriesCarryTheLastFailure() {
    assertThatThrownBy(() -> wait.waitFor(() -> {
              throw new IllegalStateException("still not found");
            }, e -> true))
        .hasMessage("Maximum number of retries (3) exceeded")
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("still not found");
  }
}
