package dev.machine.core.driver;

/** The state of a machine as its driver reports it. Never persisted; the names are what users see. */
public enum State {
  NONE(""),
  RUNNING("Running"),
  PAUSED("Paused"),
  SAVED("Saved"),
  STOPPED("Stopped"),
  STOPPING("Stopping"),
  STARTING("Starting"),
  ERROR("Error"),
  TIMEOUT("Timeout"),
  NOT_FOUND("Not Found");

  private final String display;

  State(String display) {
    this.display = display;
  }

  /** The text Docker Machine prints for this state ({@code Running}, or empty for {@link #NONE}). */
  public String display() {
    return display;
  }

  @Override
  public String toString() {
    return display;
  }
}
