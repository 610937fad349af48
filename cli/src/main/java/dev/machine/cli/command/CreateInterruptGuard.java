package dev.machine.cli.command;

import dev.machine.core.host.CreateCancellation;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While a create runs, Ctrl-C (SIGINT) or SIGTERM must not orphan what it made (an EC2 instance,
 * its key pair and security group). Both start the JVM's shutdown, whose hooks run before it
 * exits: this one cancels the create, which stops at its next step and cleans up as a failed
 * create does, and waits for that (at most {@link #CLEANUP_LIMIT}). The JVM then exits with the
 * signal's status (130 for SIGINT, 143 for SIGTERM).
 *
 * <p>The hook is registered only for the duration of the create ({@link #close()} removes it).
 */
final class CreateInterruptGuard implements AutoCloseable {
  static final Duration CLEANUP_LIMIT = Duration.ofMinutes(2);

  private final CreateCancellation cancellation = new CreateCancellation();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final String machine;
  private final PrintStream out;
  private final PrintStream err;
  private final Thread hook;

  private CreateInterruptGuard(String machine, PrintStream out, PrintStream err) {
    this.machine = machine;
    this.out = out;
    this.err = err;
    this.hook = new Thread(this::onShutdown, "create-interrupted");
  }

  /** Registers the shutdown hook for the create of {@code machine}; progress on out, errors on err. */
  static CreateInterruptGuard install(String machine, PrintStream out, PrintStream err) {
    CreateInterruptGuard guard = new CreateInterruptGuard(machine, out, err);
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  /** What the create polls: cancelled once the JVM is shutting down. */
  CreateCancellation cancellation() {
    return cancellation;
  }

  /** Whether the create was stopped by a signal. */
  boolean interrupted() {
    return cancellation.isCancelled();
  }

  /** The create has finished (its cleanup included, and its error printed): the JVM may exit. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run; it returns now that the create has finished.
    }
  }

  private void onShutdown() {
    if (finished.getCount() == 0) {
      return; // the create ended just before the signal: nothing to stop
    }
    // Said at once: the step under way (an API call, an SSH command) may take a while to stop.
    out.println("Interrupted: stopping the create of machine \"" + machine + "\"...");
    out.flush();
    cancellation.cancel();
    try {
      if (!finished.await(CLEANUP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        err.println(
            "Error: the interrupted create of machine \""
                + machine
                + "\" did not finish removing what it made within "
                + CLEANUP_LIMIT.toMinutes()
                + " minutes. Remove what is left with '"
                + "rm -f "
                + machine
                + "'.");
        err.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
