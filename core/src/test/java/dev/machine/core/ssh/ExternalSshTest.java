package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.testing.LoopbackSshd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSshTest {
  private static final List<String> DOCKER_MACHINE_OPTIONS = List.of(
      "-F", "/dev/null", "-o", "ConnectionAttempts=3", "-o", "ConnectTimeout=10",
      "-o", "ControlMaster=no", "-o", "ControlPath=none", "-o", "LogLevel=quiet",
      "-o", "PasswordAuthentication=no", "-o", "ServerAliveInterval=60",
      "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null");

  @TempDir Path tmp;

  private Path key(String mode) throws Exception {
    Path key = tmp.resolve("id_rsa_" + mode);
    Files.writeString(key, "key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
    return key;
  }

  @Test
  void argvIsDockerMachinesWithAKey() throws Exception {
    Path key = key("rw-------");
    SshTarget target = new SshTarget("10.0.0.5", 22, "ubuntu", key.toString(), null);
    List<String> expected = new ArrayList<>(DOCKER_MACHINE_OPTIONS);
    expected.addAll(List.of("ubuntu@10.0.0.5", "-o", "IdentitiesOnly=yes", "-i", key.toString(), "-p", "22",
        "-C", "echo", "foo"));
    assertThat(ExternalSsh.arguments(target, List.of("-C", "echo", "foo"))).isEqualTo(expected);
  }

  @Test
  void argvWithoutAKeyLeavesTheAgentAndDefaultKeysToSsh() {
    SshTarget target = new SshTarget("h", 2222, "root", "", null);
    List<String> expected = new ArrayList<>(DOCKER_MACHINE_OPTIONS);
    expected.addAll(List.of("root@h", "-p", "2222"));
    assertThat(ExternalSsh.arguments(target, List.of())).isEqualTo(expected);
  }

  @Test
  void theNoneDriversEmptyTargetGivesDockerMachinesArgv() {
    // `ssh` on a none machine runs `ssh ... @ -p 0` upstream (verified).
    List<String> args = ExternalSsh.arguments(new SshTarget("", 0, "", "", null), List.of());
    assertThat(args.subList(args.size() - 3, args.size())).containsExactly("@", "-p", "0");
  }

  @Test
  void keyPermissionsAreCheckedWithDockerMachinesMessages() throws Exception {
    Path open = key("rw-r--r--");
    assertThatThrownBy(() -> ExternalSsh.arguments(new SshTarget("h", 22, "u", open.toString(), null), List.of()))
        .isInstanceOf(MachineException.class)
        .hasMessage("permissions 0644 for '" + open + "' are too open");
    Path groupOnly = key("rw----r--");
    assertThatThrownBy(() -> KeyPermissions.check(groupOnly))
        .hasMessage("permissions 0604 for '" + groupOnly + "' are too open");
    Path unreadable = key("-w-------");
    assertThatThrownBy(() -> KeyPermissions.check(unreadable))
        .hasMessage("'" + unreadable + "' is not readable");
    assertThatThrownBy(() -> KeyPermissions.check(tmp.resolve("missing")))
        .hasMessage("stat " + tmp.resolve("missing") + ": no such file or directory");
    KeyPermissions.check(key("r--------"));
  }

  @Test
  void aPinnedHostUsesStrictCheckingWithTheMachinesFile() throws Exception {
    Path knownHosts = tmp.resolve("known_hosts");
    Files.writeString(knownHosts, "[h]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");
    List<String> pinned = ExternalSsh.arguments(new SshTarget("h", 2222, "root", "", knownHosts), List.of());
    assertThat(pinned).containsSequence("-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts)
        .contains("LogLevel=error").doesNotContain("StrictHostKeyChecking=no", "LogLevel=quiet");
    // The file pins another port only: Docker Machine's options.
    List<String> other = ExternalSsh.arguments(new SshTarget("h", 22, "root", "", knownHosts), List.of());
    assertThat(other).containsSequence("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null");
  }

  @Test
  void aPinInAStorePathWithSpacesIsOneValueForSsh() throws Exception {
    Path knownHosts = Files.createDirectories(tmp.resolve("my store/machines/dev")).resolve("known_hosts");
    Files.writeString(knownHosts, "[h]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");
    List<String> args = ExternalSsh.arguments(new SshTarget("h", 2222, "root", "", knownHosts), List.of());
    assertThat(args).containsSequence("-o", "UserKnownHostsFile=\"" + knownHosts + "\"");
  }

  @Test
  void optionValuesAreWrittenAsSshsParserReadsThem() {
    assertThat(SshOptionValue.of("/root/.docker/machine/machines/dev/known_hosts"))
        .isEqualTo("/root/.docker/machine/machines/dev/known_hosts");
    assertThat(SshOptionValue.of("/my store/known_hosts")).isEqualTo("\"/my store/known_hosts\"");
    assertThat(SshOptionValue.of("/a\"b\\c/known_hosts")).isEqualTo("\"/a\\\"b\\\\c/known_hosts\"");
    assertThat(SshOptionValue.of("/100%/known_hosts")).isEqualTo("/100%%/known_hosts");
    assertThat(SshOptionValue.quoted("/store/id_rsa")).isEqualTo("\"/store/id_rsa\"");
  }

  @Test
  void missingSshBinaryIsReported() {
    ExternalSsh ssh = new ExternalSsh(new Executables(tmp.toString()));
    assertThat(ssh.binary()).isEmpty();
    assertThat(new ExternalSsh(new Executables("/nonexistent:/usr/bin")).binary()).contains(Path.of("/usr/bin/ssh"));
  }

  @Test
  void theRealSshBinaryRunsWithTheArgvIncludingThePinnedMode() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.start(Files.createDirectory(tmp.resolve("sshd")))) {
      ExternalSsh external = new ExternalSsh(Executables.system());
      SshTarget unpinned = sshd.target(null);
      assertThat(run(external.command(unpinned, List.of("echo", "hi")))).isEqualTo(new CommandResult(0, "hi\n"));
      assertThat(run(external.command(unpinned, List.of("exit 7"))).exitCode()).isEqualTo(7);

      // The native client pins the key; the external one then checks it strictly.
      Path knownHosts = tmp.resolve("machine/known_hosts");
      SshTarget pinned = sshd.target(knownHosts);
      SshConnection.open(pinned, Duration.ofSeconds(10), new SshEnvironment(tmp, null)).close();
      List<String> argv = external.command(pinned, List.of("echo", "pinned"));
      assertThat(argv).contains("StrictHostKeyChecking=yes");
      assertThat(run(argv)).isEqualTo(new CommandResult(0, "pinned\n"));

      sshd.restartWithNewHostKey();
      CommandResult refused = run(external.command(pinned, List.of("echo", "should-not-run")));
      assertThat(refused.exitCode()).isEqualTo(255);
      assertThat(refused.output()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED").doesNotContain("should-not-run");
    }
  }

  private static CommandResult run(List<String> argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new CommandResult(p.waitFor(), out);
  }
}
