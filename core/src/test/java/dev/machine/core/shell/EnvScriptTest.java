package dev.machine.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every shell's exact {@code env} output, in both modes (§1.7 tables). */
class EnvScriptTest {
  private static final List<String> ARGV = List.of("docker-machine", "env", "dev");
  private static final List<String> UNSET_ARGV = List.of("docker-machine", "env", "-u");
  private static final List<EnvVar> DEV =
      DockerEnv.variables(
          "tcp://10.0.0.5:2376", Path.of("/home/alice/.docker/machine/machines/dev"), "dev", false, Optional.empty());

  @Test
  void posix() {
    assertThat(EnvScript.set(Shell.POSIX, DEV, ARGV))
        .isEqualTo(
            "export DOCKER_TLS_VERIFY=\"1\"\n"
                + "export DOCKER_HOST=\"tcp://10.0.0.5:2376\"\n"
                + "export DOCKER_CERT_PATH=\"/home/alice/.docker/machine/machines/dev\"\n"
                + "export DOCKER_MACHINE_NAME=\"dev\"\n"
                + "# Run this command to configure your shell: \n"
                + "# eval $(docker-machine env dev)\n");
    assertThat(EnvScript.unset(Shell.POSIX, DockerEnv.unsetNames(false, Map.of()), UNSET_ARGV))
        .isEqualTo(
            "unset DOCKER_TLS_VERIFY\n"
                + "unset DOCKER_HOST\n"
                + "unset DOCKER_CERT_PATH\n"
                + "unset DOCKER_MACHINE_NAME\n"
                + "# Run this command to configure your shell: \n"
                + "# eval $(docker-machine env -u)\n");
  }

  @Test
  void fish() {
    assertThat(EnvScript.set(Shell.FISH, DEV, List.of("docker-machine", "env", "--shell", "fish", "dev")))
        .isEqualTo(
            "set -gx DOCKER_TLS_VERIFY \"1\";\n"
                + "set -gx DOCKER_HOST \"tcp://10.0.0.5:2376\";\n"
                + "set -gx DOCKER_CERT_PATH \"/home/alice/.docker/machine/machines/dev\";\n"
                + "set -gx DOCKER_MACHINE_NAME \"dev\";\n"
                + "# Run this command to configure your shell: \n"
                + "# eval (docker-machine env --shell fish dev)\n");
    assertThat(EnvScript.unset(Shell.FISH, DockerEnv.unsetNames(false, Map.of()), UNSET_ARGV))
        .isEqualTo(
            "set -e DOCKER_TLS_VERIFY;\n"
                + "set -e DOCKER_HOST;\n"
                + "set -e DOCKER_CERT_PATH;\n"
                + "set -e DOCKER_MACHINE_NAME;\n"
                + "# Run this command to configure your shell: \n"
                + "# eval (docker-machine env -u)\n");
  }

  @Test
  void powershellOnWindows() {
    List<EnvVar> vars =
        DockerEnv.variables(
            "tcp://10.0.0.5:2376", Path.of("C:\\Users\\alice\\.docker\\machine\\machines\\dev"), "dev", true, Optional.empty());
    List<String> argv = List.of("C:\\Program Files\\Docker\\docker-machine.exe", "env", "dev");

    assertThat(EnvScript.set(Shell.POWERSHELL, vars, argv))
        .isEqualTo(
            "$Env:DOCKER_TLS_VERIFY = \"1\"\n"
                + "$Env:DOCKER_HOST = \"tcp://10.0.0.5:2376\"\n"
                + "$Env:DOCKER_CERT_PATH = \"C:\\Users\\alice\\.docker\\machine\\machines\\dev\"\n"
                + "$Env:DOCKER_MACHINE_NAME = \"dev\"\n"
                + "$Env:COMPOSE_CONVERT_WINDOWS_PATHS = \"true\"\n"
                + "# Run this command to configure your shell: \n"
                + "# & \"C:\\Program Files\\Docker\\docker-machine.exe\" env dev | Invoke-Expression\n");
    assertThat(EnvScript.unset(Shell.POWERSHELL, DockerEnv.unsetNames(false, Map.of()), UNSET_ARGV))
        .isEqualTo(
            "Remove-Item Env:\\\\DOCKER_TLS_VERIFY\n"
                + "Remove-Item Env:\\\\DOCKER_HOST\n"
                + "Remove-Item Env:\\\\DOCKER_CERT_PATH\n"
                + "Remove-Item Env:\\\\DOCKER_MACHINE_NAME\n"
                + "# Run this command to configure your shell: \n"
                + "# & docker-machine env -u | Invoke-Expression\n");
  }

  @Test
  void cmd() {
    List<EnvVar> vars =
        DockerEnv.variables(
            "tcp://10.0.0.5:2376", Path.of("C:\\Users\\alice\\.docker\\machine\\machines\\dev"), "dev", true, Optional.empty());

    assertThat(EnvScript.set(Shell.CMD, vars, List.of("docker-machine.exe", "env", "dev")))
        .isEqualTo(
            "SET DOCKER_TLS_VERIFY=1\n"
                + "SET DOCKER_HOST=tcp://10.0.0.5:2376\n"
                + "SET DOCKER_CERT_PATH=C:\\Users\\alice\\.docker\\machine\\machines\\dev\n"
                + "SET DOCKER_MACHINE_NAME=dev\n"
                + "SET COMPOSE_CONVERT_WINDOWS_PATHS=true\n"
                + "REM Run this command to configure your shell: \n"
                + "REM \t@FOR /f \"tokens=*\" %i IN ('docker-machine.exe env dev') DO @%i\n");
    assertThat(EnvScript.unset(Shell.CMD, DockerEnv.unsetNames(false, Map.of()), UNSET_ARGV))
        .isEqualTo(
            "SET DOCKER_TLS_VERIFY=\n"
                + "SET DOCKER_HOST=\n"
                + "SET DOCKER_CERT_PATH=\n"
                + "SET DOCKER_MACHINE_NAME=\n"
                + "REM Run this command to configure your shell: \n"
                + "REM \t@FOR /f \"tokens=*\" %i IN ('docker-machine env -u') DO @%i\n");
  }

  @Test
  void tcsh() {
    assertThat(EnvScript.set(Shell.TCSH, DEV, ARGV))
        .isEqualTo(
            "setenv DOCKER_TLS_VERIFY \"1\";\n"
                + "setenv DOCKER_HOST \"tcp://10.0.0.5:2376\";\n"
                + "setenv DOCKER_CERT_PATH \"/home/alice/.docker/machine/machines/dev\";\n"
                + "setenv DOCKER_MACHINE_NAME \"dev\";\n"
                + ": Run this command to configure your shell: \n"
                + ": eval `docker-machine env dev`\n");
    assertThat(EnvScript.unset(Shell.TCSH, DockerEnv.unsetNames(false, Map.of()), UNSET_ARGV))
        .isEqualTo(
            "unsetenv DOCKER_TLS_VERIFY;\n"
                + "unsetenv DOCKER_HOST;\n"
                + "unsetenv DOCKER_CERT_PATH;\n"
                + "unsetenv DOCKER_MACHINE_NAME;\n"
                + ": Run this command to configure your shell: \n"
                + ": eval `docker-machine env -u`\n");
  }

  @Test
  void emacs() {
    assertThat(EnvScript.set(Shell.EMACS, DEV, ARGV))
        .isEqualTo(
            "(setenv \"DOCKER_TLS_VERIFY\" \"1\")\n"
                + "(setenv \"DOCKER_HOST\" \"tcp://10.0.0.5:2376\")\n"
                + "(setenv \"DOCKER_CERT_PATH\" \"/home/alice/.docker/machine/machines/dev\")\n"
                + "(setenv \"DOCKER_MACHINE_NAME\" \"dev\")\n"
                + ";; Run this command to configure your shell: \n"
                + ";; (with-temp-buffer (shell-command \"docker-machine env dev\" (current-buffer)) (eval-buffer))\n");
    assertThat(EnvScript.unset(Shell.EMACS, DockerEnv.unsetNames(false, Map.of()), UNSET_ARGV))
        .isEqualTo(
            "(setenv \"DOCKER_TLS_VERIFY\" nil)\n"
                + "(setenv \"DOCKER_HOST\" nil)\n"
                + "(setenv \"DOCKER_CERT_PATH\" nil)\n"
                + "(setenv \"DOCKER_MACHINE_NAME\" nil)\n"
                + ";; Run this command to configure your shell: \n"
                + ";; (with-temp-buffer (shell-command \"docker-machine env -u\" (current-buffer)) (eval-buffer))\n");
  }

  @Test
  void noProxyComesLastInBothModesWithACleanNameWhenUnsetting() {
    Map<String, String> env = Map.of("NO_PROXY", "localhost");
    List<EnvVar> vars =
        DockerEnv.variables(
            "tcp://10.0.0.5:2376", Path.of("/s/machines/dev"), "dev", false, Optional.of(DockerEnv.noProxy("10.0.0.5", env)));

    assertThat(EnvScript.set(Shell.POSIX, vars, List.of("machine", "env", "--no-proxy", "dev")))
        .contains("export DOCKER_MACHINE_NAME=\"dev\"\nexport NO_PROXY=\"localhost,10.0.0.5\"\n# Run");
    assertThat(EnvScript.unset(Shell.POSIX, DockerEnv.unsetNames(true, env), List.of("machine", "env", "-u", "--no-proxy")))
        .contains("unset DOCKER_MACHINE_NAME\nunset NO_PROXY\n# Run");
    assertThat(DockerEnv.unsetNames(true, Map.of("no_proxy", "x"))).last().isEqualTo("no_proxy");
    assertThat(DockerEnv.unsetNames(true, Map.of())).last().isEqualTo("NO_PROXY");
  }

  @ParameterizedTest
  @EnumSource(Shell.class)
  void hintQuotesArgv0OnlyWhenItHasASpaceOrABackslash(Shell shell) {
    assertThat(EnvScript.commandLine(List.of("/opt/my tools/machine", "env", "a b")))
        .isEqualTo("\"/opt/my tools/machine\" env a b");
    assertThat(EnvScript.commandLine(List.of("C:\\bin\\machine.exe", "env"))).isEqualTo("\"C:\\bin\\machine.exe\" env");
    assertThat(EnvScript.commandLine(List.of("machine", "env", "dev"))).isEqualTo("machine env dev");
    assertThat(shell.usageHint("m env")).contains(" Run this command to configure your shell: \n").endsWith("\n");
  }

  @Test
  void ordinaryValuesAreNotEscapedAndSpecialOnesCannotEscapeTheirQuotes() {
    EnvVar ordinary = new EnvVar("DOCKER_CERT_PATH", "/home/alice/.docker/machine/machines/my-dev.1");
    for (Shell shell : Shell.values()) {
      assertThat(shell.setLine(ordinary)).contains("/home/alice/.docker/machine/machines/my-dev.1");
    }

    EnvVar nasty = new EnvVar("DOCKER_CERT_PATH", "/tmp/a\"b$c`d\\e");
    assertThat(Shell.POSIX.setLine(nasty)).isEqualTo("export DOCKER_CERT_PATH=\"/tmp/a\\\"b\\$c\\`d\\\\e\"\n");
    assertThat(Shell.FISH.setLine(nasty)).isEqualTo("set -gx DOCKER_CERT_PATH \"/tmp/a\\\"b\\$c`d\\\\e\";\n");
    assertThat(Shell.POWERSHELL.setLine(nasty)).isEqualTo("$Env:DOCKER_CERT_PATH = \"/tmp/a`\"b`$c``d\\e\"\n");
    assertThat(Shell.EMACS.setLine(nasty)).isEqualTo("(setenv \"DOCKER_CERT_PATH\" \"/tmp/a\\\"b$c`d\\\\e\")\n");
    assertThat(Shell.CMD.setLine(nasty)).isEqualTo("SET DOCKER_CERT_PATH=/tmp/a\"b$c`d\\e\n");
    assertThat(Shell.TCSH.setLine(nasty)).isEqualTo("setenv DOCKER_CERT_PATH \"/tmp/a\"b$c`d\\e\";\n");
  }
}
