package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.testing.LoopbackSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshWaitTest {
  private static final Duration CONNECT = Duration.ofSeconds(10);

  @TempDir Path tmp;

  @Test
  void succeedsOnceSshdStartsLateAndReturnsTheOpenConnection() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.prepare(Files.createDirectory(tmp.resolve("sshd")))) {
      List<Duration> pauses = new ArrayList<>();
      // The server comes up during the second pause: attempts 1 and 2 are refused, 3 succeeds.
      SshWait wait = new SshWait(10, Duration.ofMillis(5), CONNECT, pause -> {
        pauses.add(pause);
        if (pauses.size() == 2) {
          sshd.start();
        }
      });
      try (SshConnection ssh = wait.waitFor(sshd.target(null), new SshEnvironment(tmp, null))) {
        assertThat(pauses).containsExactly(Duration.ofMillis(5), Duration.ofMillis(5));
        assertThat(ssh.run("echo reused").output()).isEqualTo("reused\n");
        assertThat(sshd.acceptedLogins()).isEqualTo(1);
      }
    }
  }

  @Test
  void failsWithTheLastRealErrorWhenSshNeverComes() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.prepare(Files.createDirectory(tmp.resolve("sshd")))) {
      List<Duration> pauses = new ArrayList<>();
      SshWait wait = new SshWait(3, Duration.ofMillis(1), CONNECT, pauses::add);
      assertThatThrownBy(() -> wait.waitFor(sshd.target(null), new SshEnvironment(tmp, null)))
          .isExactlyInstanceOf(MachineException.class)
          .hasMessage("Too many retries waiting for SSH to be available.  Last error: "
              + "Cannot connect to SSH at 127.0.0.1:" + sshd.port() + ": Connection refused");
      assertThat(pauses).hasSize(2); // no pause after the last attempt
    }
  }

  @Test
  void aChangedHostKeyFailsAtOnce() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.start(Files.createDirectory(tmp.resolve("sshd")))) {
      Path knownHosts = tmp.resolve("known_hosts");
      Files.writeString(knownHosts, KnownHosts.hostPattern("127.0.0.1", sshd.port())
          + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");
      List<Duration> pauses = new ArrayList<>();
      SshWait wait = new SshWait(5, Duration.ofMillis(1), CONNECT, pauses::add);
      assertThatThrownBy(() -> wait.waitFor(sshd.target(knownHosts), new SshEnvironment(tmp, null)))
          .isInstanceOfSatisfying(SshException.class,
              e -> assertThat(e.reason()).isEqualTo(SshException.Reason.HOST_KEY_CHANGED));
      assertThat(pauses).isEmpty();
    }
  }

  @Test
  void aRejectedKeyFailsAtOnceNamingUserHostAndKey() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.start(Files.createDirectory(tmp.resolve("sshd")))) {
      Path stranger = tmp.resolve("stranger");
      SshKeys.generate(stranger);
      SshTarget target = new SshTarget("127.0.0.1", sshd.port(), sshd.user(), stranger.toString(), null);
      List<Duration> pauses = new ArrayList<>();
      SshWait wait = new SshWait(5, Duration.ofMillis(1), CONNECT, pauses::add);
      assertThatThrownBy(() -> wait.waitFor(target, new SshEnvironment(tmp, null)))
          .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.AUTH))
          .hasMessage("ssh: unable to authenticate as " + sshd.user() + "@127.0.0.1:" + sshd.port() + " with key "
              + stranger + ": Exhausted available authentication methods");
      assertThat(pauses).isEmpty();
    }
  }

  @Test
  void onlyConnectionAndHandshakeFailuresAreWorthWaitingFor() {
    assertThat(SshWait.isTransient(SshException.Reason.CONNECT)).isTrue();
    assertThat(SshWait.isTransient(SshException.Reason.TRANSPORT)).isTrue();
    assertThat(SshWait.isTransient(SshException.Reason.AUTH)).isFalse();
    assertThat(SshWait.isTransient(SshException.Reason.KEY_FILE)).isFalse();
    assertThat(SshWait.isTransient(SshException.Reason.HOST_KEY_CHANGED)).isFalse();
  }

  @Test
  void dockerMachineDefaultsAreSixtyTimesThreeSeconds() {
    assertThat(SshWait.DEFAULT_ATTEMPTS).isEqualTo(60);
    assertThat(SshWait.DEFAULT_INTERVAL).isEqualTo(Duration.ofSeconds(3));
  }
}
