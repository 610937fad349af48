package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.testing.LoopbackSshd;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native client against a real OpenSSH server on loopback. */
class SshConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String PASSPHRASE = "secret";

  @TempDir static Path sshdDir;
  private static LoopbackSshd sshd;

  @TempDir Path tmp;

  @BeforeAll
  static void startSshd() {
    sshd = LoopbackSshd.start(sshdDir);
  }

  @AfterAll
  static void stopSshd() {
    if (sshd != null) {
      sshd.close();
    }
  }

  private SshConnection open() {
    return SshConnection.open(sshd.target(null), TIMEOUT, noUserCredentials());
  }

  private SshEnvironment noUserCredentials() {
    return new SshEnvironment(tmp.resolve("emptyhome"), null);
  }

  @Test
  void runReturnsCombinedOutputAndExitStatus() {
    try (SshConnection ssh = open()) {
      assertThat(ssh.run("echo hello")).isEqualTo(new CommandResult(0, "hello\n"));
      CommandResult failed = ssh.run("echo out; echo err >&2; exit 3");
      assertThat(failed.exitCode()).isEqualTo(3);
      assertThat(failed.ok()).isFalse();
      assertThat(failed.output()).contains("out\n").contains("err\n");
      // stdin is at EOF: a command reading it does not hang.
      assertThat(ssh.run("cat; echo done").output()).isEqualTo("done\n");
    }
  }

  @Test
  void writeFileWritesExactBytesAndModeWithoutShellInterpretation() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("it's a $(dir)"));
    Path pwned = tmp.resolve("pwned");
    String hostile = "$(touch " + pwned + ")\n'; touch " + pwned + "; '\n`touch " + pwned + "`\n";
    byte[] binary = new byte[70_000]; // spans several SFTP writes, all byte values
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    try (SshConnection ssh = open()) {
      Path text = dir.resolve("sub/dir/conf $(touch " + pwned + ").txt");
      ssh.writeFile(text.toString(), hostile.getBytes(StandardCharsets.UTF_8), 0644);
      Path key = dir.resolve("key.pem");
      ssh.writeFile(key.toString(), binary, 0600);

      assertThat(Files.readString(text)).isEqualTo(hostile);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(text))).isEqualTo("rw-r--r--");
      assertThat(Files.readAllBytes(key)).isEqualTo(binary);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
      // Overwriting an existing file works too.
      ssh.writeFile(key.toString(), new byte[] {1, 2, 3}, 0600);
      assertThat(Files.readAllBytes(key)).containsExactly(1, 2, 3);
    }
    assertThat(pwned).doesNotExist();
    assertThat(Path.of(System.getProperty("user.home"), "pwned")).doesNotExist();
  }

  @Test
  void writeFileReplacesTheFileByRenamingSoNothingIsLeftBeside() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("atomic"));
    Path file = Files.writeString(dir.resolve("server.pem"), "old");
    Path before = dir.resolve("server.pem");
    Object oldInode = Files.getAttribute(before, "unix:ino");
    try (SshConnection ssh = open()) {
      ssh.writeFile(file.toString(), "new".getBytes(StandardCharsets.UTF_8), 0644);
    }
    assertThat(file).hasContent("new");
    // A new inode: the old file was replaced by a rename, not rewritten in place.
    assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(oldInode);
    try (var names = Files.list(dir)) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("server.pem");
    }
  }

  @Test
  void writeFileOntoADirectoryFailsAndLeavesItAlone() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("clash/server.pem"));
    Files.writeString(dir.resolve("inside"), "x");
    try (SshConnection ssh = open()) {
      assertThatThrownBy(() -> ssh.writeFile(dir.toString(), new byte[] {1}, 0644))
          .isInstanceOf(SshException.class)
          .hasMessageStartingWith("Error writing " + dir + " on ")
          .hasMessageContaining("cannot overwrite directory");
    }
    try (var names = Files.list(dir.getParent())) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("server.pem");
    }
    try (var names = Files.list(dir)) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("inside");
    }
  }

  @Test
  void writeFileFailureIsReportedWithTheRemoteMessage() throws IOException {
    Path notADir = Files.writeString(tmp.resolve("plain-file"), "x");
    try (SshConnection ssh = open()) {
      assertThatThrownBy(() -> ssh.writeFile(notADir.resolve("child").toString(), new byte[] {1}, 0644))
          .isInstanceOf(SshException.class)
          .hasMessageStartingWith("Error writing " + notADir.resolve("child") + " on ")
          .hasMessageContaining("exit status 1");
      // The temporary upload is removed even when install fails.
      assertThat(ssh.run("ls -a /tmp | grep -c machine-upload || true").output().strip()).isEqualTo("0");
    }
  }

  @Test
  void manyCommandsAndUploadsShareOneConnection() {
    long before = sshd.acceptedLogins();
    try (SshConnection ssh = open()) {
      for (int i = 0; i < 25; i++) {
        assertThat(ssh.run("echo " + i).output()).isEqualTo(i + "\n");
      }
      for (int i = 0; i < 3; i++) {
        ssh.writeFile(tmp.resolve("f" + i).toString(), ("content " + i).getBytes(StandardCharsets.UTF_8), 0644);
      }
    }
    assertThat(tmp.resolve("f2")).hasContent("content 2");
    assertThat(sshd.acceptedLogins() - before).isEqualTo(1);
  }

  @Test
  void unknownKeyIsRefusedWithAClearMessage() throws IOException {
    Path stranger = tmp.resolve("stranger");
    SshKeys.generate(stranger);
    SshTarget target = new SshTarget("127.0.0.1", sshd.port(), sshd.user(), stranger.toString(), null);
    assertThatThrownBy(() -> SshConnection.open(target, TIMEOUT, noUserCredentials()))
        .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.AUTH))
        .hasMessage("ssh: unable to authenticate as " + sshd.user() + "@127.0.0.1:" + sshd.port()
            + " with key " + stranger + ": Exhausted available authentication methods");
  }

  @Test
  void missingKeyFileIsNamed() {
    Path missing = tmp.resolve("nope/id_rsa");
    SshTarget target = new SshTarget("127.0.0.1", sshd.port(), sshd.user(), missing.toString(), null);
    assertThatThrownBy(() -> SshConnection.open(target, TIMEOUT, noUserCredentials()))
        .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.KEY_FILE))
        .hasMessageStartingWith("Cannot read SSH key " + missing + ": ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void refusedConnectionIsReported() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SshTarget target = new SshTarget("127.0.0.1", closedPort, "root", sshd.clientKey().toString(), null);
    assertThatThrownBy(() -> SshConnection.open(target, TIMEOUT, noUserCredentials()))
        .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.CONNECT))
        .hasMessage("Cannot connect to SSH at 127.0.0.1:" + closedPort + ": Connection refused");
  }

  @Test
  void withoutAMachineKeyTheDefaultKeysAreUsed() throws IOException {
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve(".ssh"));
    Files.copy(sshd.clientKey(), home.resolve(".ssh/id_ed25519"));
    SshTarget target = new SshTarget("127.0.0.1", sshd.port(), sshd.user(), "", null);
    try (SshConnection ssh = SshConnection.open(target, TIMEOUT, new SshEnvironment(home, null))) {
      assertThat(ssh.run("echo via-default-key").output()).isEqualTo("via-default-key\n");
    }
  }

  @Test
  void withoutAnyCredentialTheMessageSaysSo() {
    SshTarget target = new SshTarget("127.0.0.1", sshd.port(), sshd.user(), "", null);
    assertThatThrownBy(() -> SshConnection.open(target, TIMEOUT, noUserCredentials()))
        .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.AUTH))
        .hasMessageStartingWith("No SSH key to log in to " + sshd.user() + "@127.0.0.1:" + sshd.port());
  }

  @Test
  void withoutAMachineKeyTheAgentIsUsed() throws Exception {
    // An RSA key in the agent also proves the rsa-sha2-256 signing (sshd 8.8+ refuses ssh-rsa).
    Path rsa = tmp.resolve("agent_rsa");
    SshKeys.generate(rsa);
    sshd.authorize(SshKeys.publicKeyPath(rsa));
    try (TestAgent agent = startAgent()) {
      agent.add(rsa);
      SshTarget target = new SshTarget("127.0.0.1", sshd.port(), sshd.user(), "", null);
      try (SshConnection ssh = SshConnection.open(target, TIMEOUT, agentOnly(agent))) {
        assertThat(ssh.run("echo via-agent").output()).isEqualTo("via-agent\n");
      }
    }
  }

  @Test
  void anEncryptedOpenSshKeyIsUsedThroughTheAgentKeyMatchingIt() throws Exception {
    Path key = keygen("secret_ed25519", "-t", "ed25519");
    sshd.authorize(SshKeys.publicKeyPath(key));
    String fingerprint = fingerprint(key);
    // No .pub: the public key comes from the clear part of the OpenSSH file.
    Files.delete(SshKeys.publicKeyPath(key));
    Path stranger = tmp.resolve("stranger");
    SshKeys.generate(stranger);
    try (TestAgent agent = startAgent()) {
      agent.add(stranger); // offered first if any agent key were; the server refuses it
      agent.add(decryptedCopy(key));
      long before = sshd.acceptedLogins();
      try (SshConnection ssh = SshConnection.open(keyTarget(key), TIMEOUT, agentOnly(agent))) {
        assertThat(ssh.run("echo via-agent-key").output()).isEqualTo("via-agent-key\n");
      }
      assertThat(sshd.acceptedLogins() - before).isEqualTo(1);
      assertThat(sshd.readLog()).contains("ED25519 " + fingerprint);
    }
  }

  @Test
  void anEncryptedPemKeyWithItsPubIsUsedThroughTheAgent() throws Exception {
    Path key = keygen("secret_pem", "-t", "rsa", "-b", "2048", "-m", "PEM");
    assertThat(Files.readString(key)).contains("Proc-Type: 4,ENCRYPTED");
    sshd.authorize(SshKeys.publicKeyPath(key));
    try (TestAgent agent = startAgent()) {
      // ssh-add asks for the passphrase through SSH_ASKPASS, as a desktop session would.
      Path askpass = tmp.resolve("askpass.sh");
      Files.writeString(askpass, "#!/bin/sh\necho " + PASSPHRASE + "\n");
      Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
      ProcessBuilder add = agent.addCommand(key);
      add.environment().put("SSH_ASKPASS", askpass.toString());
      add.environment().put("SSH_ASKPASS_REQUIRE", "force");
      add.environment().put("DISPLAY", ":0");
      run(add);
      try (SshConnection ssh = SshConnection.open(keyTarget(key), TIMEOUT, agentOnly(agent))) {
        assertThat(ssh.run("echo via-agent-pem").output()).isEqualTo("via-agent-pem\n");
      }
      assertThat(sshd.readLog()).contains("RSA " + fingerprint(key));
    }
  }

  @Test
  void anEncryptedKeyWithoutAnAgentFailsWithOneLine() throws Exception {
    Path key = keygen("secret_no_agent", "-t", "ed25519");
    sshd.authorize(SshKeys.publicKeyPath(key));
    assertThatThrownBy(() -> SshConnection.open(keyTarget(key), TIMEOUT, noUserCredentials()))
        .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.KEY_FILE))
        .hasMessage(passphraseError(key));
  }

  @Test
  void anAgentWithOtherKeysOnlyIsNotAskedToTryThem() throws Exception {
    Path key = keygen("secret_not_loaded", "-t", "rsa", "-b", "2048", "-m", "PEM");
    sshd.authorize(SshKeys.publicKeyPath(key));
    try (TestAgent agent = startAgent()) {
      // The server accepts this agent key: using it would log in, IdentitiesOnly forbids that.
      agent.add(sshd.clientKey());
      long before = sshd.acceptedLogins();
      assertThatThrownBy(() -> SshConnection.open(keyTarget(key), TIMEOUT, agentOnly(agent)))
          .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.KEY_FILE))
          .hasMessage(passphraseError(key));
      assertThat(sshd.acceptedLogins()).isEqualTo(before);
    }
  }

  @Test
  void anEncryptedPemKeyWithoutItsPubSaysWhatIsMissing() throws Exception {
    Path key = keygen("secret_pem_no_pub", "-t", "rsa", "-b", "2048", "-m", "PEM");
    Path pub = SshKeys.publicKeyPath(key);
    Files.delete(pub);
    assertThatThrownBy(() -> SshConnection.open(keyTarget(key), TIMEOUT, noUserCredentials()))
        .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.KEY_FILE))
        .hasMessage("Cannot read SSH key " + key + ": it is protected by a passphrase and has no public key file "
            + pub + " to find it in ssh-agent (ssh-keygen -y -f " + key + " > " + pub + " makes one)");
  }

  private static String passphraseError(Path key) {
    return "Cannot read SSH key " + key + ": it is protected by a passphrase; load it into ssh-agent (ssh-add "
        + key + ") and try again";
  }

  private SshTarget keyTarget(Path key) {
    return new SshTarget("127.0.0.1", sshd.port(), sshd.user(), key.toString(), null);
  }

  private SshEnvironment agentOnly(TestAgent agent) {
    return new SshEnvironment(tmp.resolve("emptyhome"), agent.socket());
  }

  /** A key protected by {@link #PASSPHRASE}, with its .pub. */
  private Path keygen(String name, String... type) throws Exception {
    Path file = tmp.resolve(name);
    List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", PASSPHRASE, "-f", file.toString()));
    command.addAll(List.of(type));
    run(new ProcessBuilder(command));
    return file;
  }

  /** An unencrypted copy of {@code key} for ssh-add: the agent then holds the same key. */
  private Path decryptedCopy(Path key) throws Exception {
    Path copy = tmp.resolve(key.getFileName() + ".decrypted");
    Files.copy(key, copy, StandardCopyOption.COPY_ATTRIBUTES);
    run(new ProcessBuilder("ssh-keygen", "-q", "-p", "-P", PASSPHRASE, "-N", "", "-f", copy.toString()));
    return copy;
  }

  /** {@code SHA256:...}, as sshd logs it for an accepted key. */
  private String fingerprint(Path key) throws Exception {
    String line = run(new ProcessBuilder("ssh-keygen", "-l", "-f", SshKeys.publicKeyPath(key).toString()));
    return line.split(" ")[1];
  }

  /** A real {@code ssh-agent} on its own socket, stopped at the end of the test. */
  private final class TestAgent implements AutoCloseable {
    private final Path socket;
    private final Process process;

    TestAgent(Path socket) throws Exception {
      this.socket = socket;
      this.process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      for (int i = 0; i < 500 && !Files.exists(socket); i++) {
        Thread.sleep(10);
      }
    }

    Path socket() {
      return socket;
    }

    /** {@code ssh-add KEY} against this agent, for a caller that adds to its environment. */
    ProcessBuilder addCommand(Path key) {
      ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString());
      add.environment().put("SSH_AUTH_SOCK", socket.toString());
      return add;
    }

    /** Loads an unencrypted {@code key}. */
    void add(Path key) throws Exception {
      run(addCommand(key));
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }

  private TestAgent startAgent() throws Exception {
    return new TestAgent(tmp.resolve("agent.sock"));
  }

  /** Runs a tool to its end; one that waits for a passphrase fails instead of hanging the test. */
  private String run(ProcessBuilder builder) throws Exception {
    Path output = Files.createTempFile(tmp, "tool", ".out");
    Process process = builder
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    String text = Files.readString(output);
    assertThat(process.exitValue()).as(builder.command() + ": " + text).isZero();
    return text;
  }

  @Test
  void aDroppedConnectionIsReportedOnTheNextCommand() throws IOException {
    try (LoopbackSshd own = LoopbackSshd.start(Files.createDirectory(tmp.resolve("own-sshd")))) {
      SshConnection ssh = SshConnection.open(own.target(null), TIMEOUT, noUserCredentials());
      assertThat(ssh.isConnected()).isTrue();
      own.stop(); // kills the per-connection process too
      assertThatThrownBy(() -> {
            // The first command may still be on its way when the peer vanishes; the next cannot.
            ssh.run("true");
            ssh.run("true");
          })
          .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.reason()).isEqualTo(SshException.Reason.TRANSPORT))
          .hasMessageStartingWith("Error running SSH command on " + own.user() + "@127.0.0.1:" + own.port() + ": ")
          .hasMessageNotContaining("\n");
      ssh.close();
    }
  }
}
