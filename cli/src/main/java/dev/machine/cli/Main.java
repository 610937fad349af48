package dev.machine.cli;

/** Entry point of the {@code machine} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("machine: not built yet");
  }
}
