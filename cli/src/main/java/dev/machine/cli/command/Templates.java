package dev.machine.cli.command;

import dev.machine.core.MachineException;

/** Runs a user's Go template ({@code inspect -f}, {@code ls --format}). */
final class Templates {
  private Templates() {}

  static String execute(String template, Object data) {
    throw new MachineException("templates (inspect -f) are not available yet");
  }
}
