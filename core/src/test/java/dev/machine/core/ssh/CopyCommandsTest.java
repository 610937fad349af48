package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.testing.LoopbackSshd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyCommandsTest {
  @TempDir Path tmp;

  private static final Map<String, SshTarget> MACHINES = Map.of(
      "dev", new SshTarget("10.0.0.5", 22, "ubuntu", "/store/machines/dev/id_rsa", null),
      "gen", new SshTarget("10.0.0.6", 2222, "root", "", null),
      "none", new SshTarget("", 0, "", "", null));

  private final CopyCommands.MachineResolver resolver = name -> {
    SshTarget target = MACHINES.get(name);
    if (target == null) {
      throw new MachineException("Host does not exist: \"" + name + "\"");
    }
    return target;
  };

  /** Fake binaries on a private PATH: only the ones a test names exist. */
  private CopyCommands withBinaries(String... names) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin-" + String.join("-", names)));
    for (String name : names) {
      Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\n");
      file.toFile().setExecutable(true);
    }
    return new CopyCommands(new Executables(bin.toString()), resolver);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/tmp/foo          | ''     |     | /tmp/foo",
      "dev:/etc/hosts    | ''     | dev | /etc/hosts",
      "bob@dev:/x        | bob    | dev | /x",
      "localhost:/y      | ''     |     | /y",
      "me@localhost:/y   | ''     |     | /y",
      "dev:              | ''     | dev | ''",
      "dev:a:b           | ''     | dev | a:b"})
  void scpArgumentsParse(String arg, String user, String machine, String path) {
    assertThat(CopyLocation.parseScp(arg)).isEqualTo(new CopyLocation(user, machine, path));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/data            | ''   | default | /data",
      "dev:/data        | ''   | dev     | /data",
      "bob@dev:/data    | bob  | dev     | /data"})
  void mountSourcesParse(String arg, String user, String machine, String path) {
    assertThat(CopyLocation.parseMount(arg)).isEqualTo(new CopyLocation(user, machine, path));
  }

  @Test
  void scpFromAMachineWithAKey() throws Exception {
    List<String> argv = withBinaries("scp").scp(List.of("dev:/etc/hosts", "./hosts"), false, false, false);
    assertThat(argv.subList(1, argv.size())).containsExactly(
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=quiet",
        "-3", "-o", "IdentitiesOnly=yes", "-o", "Port=22", "-o", "IdentityFile=\"/store/machines/dev/id_rsa\"",
        "ubuntu@10.0.0.5:/etc/hosts", "./hosts");
    assertThat(argv.get(0)).endsWith("/scp");
  }

  @Test
  void scpRecursiveQuietBetweenTwoMachinesOneWithoutKey() throws Exception {
    List<String> argv = withBinaries("scp").scp(List.of("bob@dev:/a", "gen:/b"), true, false, true);
    // gen has no key: no IdentitiesOnly, so ssh may use the agent for it.
    assertThat(argv.subList(1, argv.size())).containsExactly(
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=quiet",
        "-3", "-r", "-q", "-o", "Port=22", "-o", "IdentityFile=\"/store/machines/dev/id_rsa\"", "-o", "Port=2222",
        "bob@10.0.0.5:/a", "root@10.0.0.6:/b");
  }

  @Test
  void scpDeltaUsesRsync() throws Exception {
    List<String> argv = withBinaries("rsync").scp(List.of("./dir", "dev:/data"), true, true, false);
    assertThat(argv.subList(1, argv.size())).containsExactly(
        "--progress", "-e",
        "ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=quiet -o IdentitiesOnly=yes "
            + "-o Port=22 -o 'IdentityFile=\"/store/machines/dev/id_rsa\"'",
        "-r", "./dir", "ubuntu@10.0.0.5:/data");
    List<String> quiet = withBinaries("rsync").scp(List.of("./f", "gen:/f"), false, true, true);
    assertThat(quiet.subList(1, quiet.size())).containsExactly(
        "-e", "ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=quiet -o Port=2222",
        "./f", "root@10.0.0.6:/f");
  }

  @Test
  void scpErrors() throws Exception {
    assertThatThrownBy(() -> withBinaries("scp").scp(List.of("a"), false, false, false))
        .isInstanceOf(WrongArgumentCountException.class).hasMessage("Improper number of arguments");
    assertThatThrownBy(() -> withBinaries().scp(List.of("a", "b"), false, false, false))
        .hasMessage("You must have a copy of the scp binary locally to use the scp feature");
    assertThatThrownBy(() -> withBinaries("scp").scp(List.of("a", "b"), false, true, false))
        .hasMessage("You must have a copy of the rsync binary locally to use the --delta option");
    assertThatThrownBy(() -> withBinaries("scp").scp(List.of("ghost:/a", "b"), false, false, false))
        .hasMessage("Error loading host: Host does not exist: \"ghost\"");
  }

  @Test
  void mountAndUnmount() throws Exception {
    List<String> mount = withBinaries("sshfs").mount(List.of("dev:/data", "/mnt/data"), false);
    assertThat(mount.subList(1, mount.size())).containsExactly(
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=quiet",
        "-o", "IdentitiesOnly=yes", "-o", "Port=22", "-o", "IdentityFile=/store/machines/dev/id_rsa",
        "ubuntu@10.0.0.5:/data", "/mnt/data");
    List<String> noKey = withBinaries("sshfs").mount(List.of("gen:/data"), false);
    assertThat(noKey.subList(1, noKey.size())).containsExactly(
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=quiet",
        "-o", "Port=2222", "root@10.0.0.6:/data", "/data");
    List<String> unmount = withBinaries("fusermount").mount(List.of("dev:/data"), true);
    assertThat(unmount.subList(1, unmount.size())).containsExactly("-u", "/data");
    assertThat(unmount.get(0)).endsWith("/fusermount");
  }

  @Test
  void mountErrors() throws Exception {
    assertThatThrownBy(() -> withBinaries("sshfs").mount(List.of(), false))
        .isInstanceOf(WrongArgumentCountException.class).hasMessage("Improper number of arguments");
    assertThatThrownBy(() -> withBinaries("sshfs").mount(List.of("a", "b", "c"), false))
        .isInstanceOf(WrongArgumentCountException.class);
    assertThatThrownBy(() -> withBinaries().mount(List.of("dev:/a"), false))
        .hasMessage("You must have a copy of the sshfs binary locally to use the mount feature");
    assertThatThrownBy(() -> withBinaries("sshfs").mount(List.of("dev:/a"), true))
        .hasMessage("You must have a copy of the fusermount binary locally to use the unmount option");
    // No colon: the machine is "default", which does not exist here.
    assertThatThrownBy(() -> withBinaries("sshfs").mount(List.of("/a"), false))
        .hasMessage("Error loading host: Host does not exist: \"default\"");
  }

  @Test
  void realScpAndRsyncCopyToALoopbackMachine() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.start(Files.createDirectory(tmp.resolve("sshd")))) {
      Path knownHosts = tmp.resolve("known_hosts");
      CopyCommands commands = new CopyCommands(Executables.system(), name -> sshd.target(knownHosts));
      Path local = Files.writeString(tmp.resolve("local.txt"), "copied by scp\n");
      Path remote = tmp.resolve("remote.txt");

      run(commands.scp(List.of(local.toString(), "m:" + remote), false, false, true));
      assertThat(remote).hasContent("copied by scp");

      // Pin the host (native client), then rsync --delta honours the pin.
      SshConnection.open(sshd.target(knownHosts), java.time.Duration.ofSeconds(10), new SshEnvironment(tmp, null)).close();
      Files.writeString(local, "copied by rsync\n");
      List<String> rsync = commands.scp(List.of(local.toString(), "m:" + remote), false, true, true);
      assertThat(String.join(" ", rsync)).contains("StrictHostKeyChecking=yes");
      run(rsync);
      assertThat(remote).hasContent("copied by rsync");
    }
  }

  @Test
  void rsyncWordsWithSpacesOrQuotesAreSingleQuoted() {
    assertThat(CopyCommands.rsyncWord("Port=22")).isEqualTo("Port=22");
    assertThat(CopyCommands.rsyncWord("UserKnownHostsFile=\"/my store/known_hosts\""))
        .isEqualTo("'UserKnownHostsFile=\"/my store/known_hosts\"'");
    assertThat(CopyCommands.rsyncWord("IdentityFile=\"/bob's/id_rsa\"")).isEqualTo("'IdentityFile=\"/bob''s/id_rsa\"'");
  }

  @Test
  void realScpAndRsyncHonourAPinInAStorePathWithSpaces() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.start(Files.createDirectory(tmp.resolve("sshd")))) {
      Path knownHosts = Files.createDirectories(tmp.resolve("my store/machines/m")).resolve("known_hosts");
      SshConnection.open(sshd.target(knownHosts), java.time.Duration.ofSeconds(10), new SshEnvironment(tmp, null)).close();
      CopyCommands commands = new CopyCommands(Executables.system(), name -> sshd.target(knownHosts));
      Path local = Files.writeString(tmp.resolve("local.txt"), "copied by scp\n");
      Path remote = tmp.resolve("remote.txt");

      List<String> scp = commands.scp(List.of(local.toString(), "m:" + remote), false, false, true);
      assertThat(scp).containsSequence("-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=\"" + knownHosts + "\"");
      run(scp);
      assertThat(remote).hasContent("copied by scp");

      Files.writeString(local, "copied by rsync\n");
      List<String> rsync = commands.scp(List.of(local.toString(), "m:" + remote), false, true, true);
      assertThat(rsync.get(rsync.indexOf("-e") + 1)).contains(" -o 'UserKnownHostsFile=\"" + knownHosts + "\"' ");
      run(rsync);
      assertThat(remote).hasContent("copied by rsync");
    }
  }

  private static void run(List<String> argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(argv + "\n" + out).isZero();
  }
}
