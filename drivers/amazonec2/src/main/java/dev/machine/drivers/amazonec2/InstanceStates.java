package dev.machine.drivers.amazonec2;

import dev.machine.core.Progress;
import dev.machine.core.driver.State;

/** EC2 instance states as machine states (Docker Machine's table: {@code terminated} is an error). */
final class InstanceStates {
  private InstanceStates() {}

  static State toState(String ec2State, Progress progress) {
    return switch (ec2State == null ? "" : ec2State) {
      case "pending" -> State.STARTING;
      case "running" -> State.RUNNING;
      case "stopping", "shutting-down" -> State.STOPPING;
      case "stopped" -> State.STOPPED;
      case "terminated" -> State.ERROR;
      default -> {
        progress.warn("unrecognized instance state: " + ec2State);
        yield State.ERROR;
      }
    };
  }
}
