package dev.machine.core.host;

/**
 * A request, from another thread (the CLI's Ctrl-C handler), that a running create stop and clean
 * up as a failed one does.
 *
 * <p>The create checks {@link #isCancelled()} between its steps, and while it makes the machine
 * (driver create, waits, provisioning) its thread is also interrupted, so that a sleep or an SSH
 * wait stops at once. The interrupt is delivered only inside that window: once the create starts
 * to clean up ({@link #stopInterrupts()}), no interrupt may reach it any more, because a pending
 * interrupt makes the AWS SDK, sshj and file channels fail, and the cleanup needs all three.
 */
public final class CreateCancellation {
  private Thread worker;
  private boolean cancelled;

  /** A cancellation nobody triggers, for callers that cannot be interrupted. */
  public static CreateCancellation never() {
    return new CreateCancellation();
  }

  /** Asks the create to stop: at its next step, or at once if it is waiting. Any thread. */
  public synchronized void cancel() {
    cancelled = true;
    if (worker != null) {
      worker.interrupt();
    }
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** The calling thread may be interrupted from now on (at once if already cancelled). */
  synchronized void allowInterrupts() {
    worker = Thread.currentThread();
    if (cancelled) {
      worker.interrupt();
    }
  }

  /**
   * No interrupt reaches the calling thread any more, and a pending one is cleared. Holding the
   * lock that {@link #cancel()} takes makes this exact: an interrupt is either already delivered
   * (and cleared here) or never sent.
   */
  synchronized void stopInterrupts() {
    if (worker == Thread.currentThread()) {
      worker = null;
    }
    Thread.interrupted();
  }

  /** Throws when a cancel was asked for, to stop the create between two steps. */
  void stopIfCancelled() {
    if (isCancelled()) {
      throw new CreateCancelledException();
    }
  }

  /** The create stopped because it was asked to. */
  static final class CreateCancelledException extends RuntimeException {
    CreateCancelledException() {
      super("interrupted", null, false, false);
    }
  }
}
