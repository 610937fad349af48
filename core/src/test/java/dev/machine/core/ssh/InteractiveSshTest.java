package dev.machine.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.core.testing.LoopbackSshd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractiveSshTest {
  @TempDir static Path sshdDir;
  private static LoopbackSshd sshd;

  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

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

  private InteractiveSsh nativeClient(String stdin) {
    return new InteractiveSsh(Executables.system(), true, new SshEnvironment(tmp, null),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        false, ProcessBuilder.Redirect.INHERIT);
  }

  @Test
  void nativeCommandStreamsOutputAndReturnsTheRemoteExitCode() {
    int exit = nativeClient("").run(sshd.target(null), List.of("echo", "out;", "echo", "err", ">&2;", "exit", "5"));
    assertThat(exit).isEqualTo(5);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err\n");
  }

  @Test
  void nativeCommandDropsALeadingDoubleDashAsOpenSshDoes() {
    int exit = nativeClient("").run(sshd.target(null), List.of("--", "echo", "hi;", "exit", "3"));
    assertThat(exit).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
  }

  @Test
  void nativeCommandReadsLocalStdin() {
    int exit = nativeClient("piped data\n").run(sshd.target(null), List.of("tr", "a-z", "A-Z"));
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("PIPED DATA\n");
  }

  @Test
  void nativeShellGetsAPtyAndReturnsItsExitCode() {
    int exit = nativeClient("tty; echo from-$((40+2))\nexit 4\n").run(sshd.target(null), List.of());
    assertThat(exit).isEqualTo(4);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("/dev/pts/").contains("from-42");
  }

  @Test
  void externalClientIsChosenWhenSshIsOnThePathAndReturnsTheExitCode() {
    // Not the test JVM's stdin: surefire talks to its forked JVM through it.
    ProcessBuilder.Redirect noStdin = ProcessBuilder.Redirect.from(new java.io.File("/dev/null"));
    InteractiveSsh external = new InteractiveSsh(Executables.system(), false, new SshEnvironment(tmp, null),
        System.in, System.out, System.err, false, noStdin);
    assertThat(external.usesNative()).isFalse();
    assertThat(external.run(sshd.target(null), List.of("exit 6"))).isEqualTo(6);

    assertThat(new InteractiveSsh(new Executables(tmp.toString()), false, new SshEnvironment(tmp, null),
        System.in, System.out, System.err, false, noStdin).usesNative()).isTrue();
    assertThat(nativeClient("").usesNative()).isTrue();
  }
}
