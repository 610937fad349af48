package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.testing.LoopbackSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust on first use: the machine's known_hosts file pins the server key for both clients. */
class HostKeyPinningTest {
  @TempDir Path tmp;

  @Test
  void firstContactRecordsTheKeyAndAChangedKeyIsRefused() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.start(Files.createDirectory(tmp.resolve("sshd")))) {
      Path knownHosts = tmp.resolve("machine/known_hosts");
      SshTarget target = sshd.target(knownHosts);
      SshEnvironment env = new SshEnvironment(tmp, null);

      try (SshConnection ssh = SshConnection.open(target, Duration.ofSeconds(10), env)) {
        assertThat(ssh.run("true").ok()).isTrue();
      }
      String hostKey = Files.readString(sshd.hostPublicKey()).strip();
      String[] parts = hostKey.split(" ");
      assertThat(Files.readString(knownHosts))
          .isEqualTo("[127.0.0.1]:" + sshd.port() + " " + parts[0] + " " + parts[1] + "\n");

      // Same key again: accepted, nothing appended.
      try (SshConnection ssh = SshConnection.open(target, Duration.ofSeconds(10), env)) {
        assertThat(ssh.run("true").ok()).isTrue();
      }
      assertThat(Files.readAllLines(knownHosts)).hasSize(1);

      sshd.restartWithNewHostKey();
      assertThatThrownBy(() -> SshConnection.open(target, Duration.ofSeconds(10), env))
          .isInstanceOfSatisfying(
              SshException.class,
              e -> assertThat(e.reason()).isEqualTo(SshException.Reason.HOST_KEY_CHANGED))
          .hasMessageStartingWith("The SSH host key of [127.0.0.1]:" + sshd.port() + " has changed (now ssh-ed25519 SHA256:")
          .hasMessageEndingWith("refusing to connect: if the machine was recreated on purpose, delete " + knownHosts)
          .hasMessageNotContaining("\n");
      assertThat(Files.readAllLines(knownHosts)).hasSize(1);

      // Without pinning (Docker Machine's behaviour) the new key is accepted.
      try (SshConnection ssh = SshConnection.open(target.withKnownHostsFile(null), Duration.ofSeconds(10), env)) {
        assertThat(ssh.run("true").ok()).isTrue();
      }
    }
  }

  @Test
  void hostPatternFollowsOpenSsh() {
    assertThat(KnownHosts.hostPattern("10.0.0.1", 22)).isEqualTo("10.0.0.1");
    assertThat(KnownHosts.hostPattern("10.0.0.1", 2222)).isEqualTo("[10.0.0.1]:2222");
  }

  @Test
  void aFileWithOnlyOtherHostsPinsNothingForThisOne() throws Exception {
    Path file = tmp.resolve("known_hosts");
    Files.writeString(file, "# comment\n[10.0.0.9]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB\nbroken\n");
    KnownHosts knownHosts = new KnownHosts(file);
    assertThat(knownHosts.pins("10.0.0.9", 22)).isFalse();
    assertThat(knownHosts.pins("10.0.0.9", 2222)).isTrue();
    assertThat(new KnownHosts(tmp.resolve("absent")).pins("10.0.0.9", 2222)).isFalse();
  }
}
