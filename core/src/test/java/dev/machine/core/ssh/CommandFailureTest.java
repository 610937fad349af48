package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandFailureTest {
  @Test
  void oneLineOfOutputIsTheCauseAndIsNotRepeated() {
    assertThat(CommandFailure.message("sudo shutdown -r now", new CommandResult(1, "sudo: a password is required\n")))
        .isEqualTo("sudo shutdown -r now: exit status 1: sudo: a password is required");
  }

  @Test
  void noOutputLeavesTheExitStatus() {
    assertThat(CommandFailure.message("false", new CommandResult(1, "  \n"))).isEqualTo("false: exit status 1");
  }

  @Test
  void systemdsFailureLineWinsOverItsHintToReadTheJournal() {
    String output = "Job for docker.service failed because the control process exited with error code.\n"
        + "See \"systemctl status docker.service\" and \"journalctl -xeu docker.service\" for details.\n";
    assertThat(CommandFailure.message("sudo systemctl -f start docker", new CommandResult(1, output)))
        .isEqualTo("sudo systemctl -f start docker: exit status 1: "
            + "Job for docker.service failed because the control process exited with error code.\n"
            + output.strip());
  }

  @Test
  void aptsLastErrorIsTheCause() {
    String output = "Reading package lists...\nBuilding dependency tree...\n"
        + "E: Unable to locate package nope\nE: Couldn't find any package by glob 'nope'\n";
    assertThat(CommandFailure.cause(output)).isEqualTo("E: Couldn't find any package by glob 'nope'");
  }

  @Test
  void withoutAnErrorWordTheLastNonEmptyLineIsTheCause() {
    assertThat(CommandFailure.cause("first\nsecond\n\n")).isEqualTo("second");
  }
}
