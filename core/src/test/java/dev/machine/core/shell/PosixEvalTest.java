package dev.machine.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a user does with the output: {@code eval $(machine env dev)} in a real {@code /bin/sh}. */
class PosixEvalTest {
  @Test
  void shEvaluatesTheScriptToTheExactValues() throws Exception {
    String nasty = "/tmp/my dir/a\"b$HOME`id`\\c'd";
    List<EnvVar> vars =
        DockerEnv.variables(
            "tcp://10.0.0.5:2376", Path.of(nasty), "dev", false, Optional.of(DockerEnv.noProxy("10.0.0.5", Map.of())));
    String script = EnvScript.set(Shell.POSIX, vars, List.of("machine", "env", "dev"));

    String printed =
        sh(script + "printf '%s|%s|%s|%s|%s' \"$DOCKER_TLS_VERIFY\" \"$DOCKER_HOST\" \"$DOCKER_CERT_PATH\" \"$DOCKER_MACHINE_NAME\" \"$NO_PROXY\"");

    assertThat(printed).isEqualTo("1|tcp://10.0.0.5:2376|" + nasty + "|dev|10.0.0.5");

    String unset = EnvScript.unset(Shell.POSIX, DockerEnv.unsetNames(true, Map.of()), List.of("machine", "env", "-u"));
    assertThat(sh(script + unset + "printf '%s' \"${DOCKER_HOST-gone}${NO_PROXY-gone}\"")).isEqualTo("gonegone");
  }

  private static String sh(String script) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
