package dev.machine.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerDropInTest {
  @Test
  void matchesDockerMachinesLayoutForPlainValues() {
    var engine =
        Engines.options(
            List.of("log-driver=none"),
            List.of("TEST=VALUE"),
            List.of("r1"),
            List.of("env=dev"),
            List.of("https://m"),
            "",
            "https://get.docker.com");
    // The example of the spec (§5.3), byte for byte.
    assertThat(DockerDropIn.content(engine, 2376, "amazonec2"))
        .isEqualTo(
            "[Service]\n"
                + "ExecStart=\n"
                + "ExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2376 -H unix:///var/run/docker.sock"
                + " --storage-driver overlay2 --tlsverify --tlscacert /etc/docker/ca.pem"
                + " --tlscert /etc/docker/server.pem --tlskey /etc/docker/server-key.pem"
                + " --label env=dev --label provider=amazonec2 --insecure-registry r1"
                + " --registry-mirror https://m --log-driver=none \n"
                + "Environment=\"TEST=VALUE\" \n");
  }

  @Test
  void emptyOptionsStillCarryTheProviderLabelAndAnEmptyEnvironmentLine() {
    assertThat(DockerDropIn.content(Engines.defaults(), 12376, "generic"))
        .isEqualTo(
            "[Service]\n"
                + "ExecStart=\n"
                + "ExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:12376 -H unix:///var/run/docker.sock"
                + " --storage-driver overlay2 --tlsverify --tlscacert /etc/docker/ca.pem"
                + " --tlscert /etc/docker/server.pem --tlskey /etc/docker/server-key.pem"
                + " --label provider=generic \n"
                + "Environment=\n");
  }

  @Test
  void suppliedStorageDriverWins() {
    var engine = Engines.options(List.of(), List.of(), List.of(), List.of(), List.of(), "btrfs", "");
    assertThat(DockerDropIn.dockerdArguments(engine, 2376, "x")).containsSequence("--storage-driver", "btrfs");
    assertThat(DockerDropIn.storageDriver(null)).isEqualTo("overlay2");
  }

  @Test
  void hostileValuesAreQuotedForSystemd() {
    var engine =
        Engines.options(
            List.of("log-opt=a b"),
            List.of("X=\"$(touch /pwned)\" 100%"),
            List.of(),
            List.of("x=$(touch pwned)", ";touch pwned", "a\"b\\c", "multi\nline", "pct=%h"),
            List.of(),
            "overlay2;touch pwned",
            "");
    String content = DockerDropIn.content(engine, 2376, "generic");
    assertThat(content.lines()).hasSize(4);
    assertThat(content)
        .contains(" --storage-driver \"overlay2;touch pwned\" ")
        .contains(" --label \"x=$$(touch pwned)\" ")
        .contains(" --label \";touch pwned\" ")
        .contains(" --label \"a\\\"b\\\\c\" ")
        .contains(" --label \"multi\\nline\" ")
        .contains(" --label \"pct=%%h\" ")
        .contains(" \"--log-opt=a b\" ")
        .contains("Environment=\"X=\\\"$(touch /pwned)\\\" 100%%\" ");
  }

  @Test
  void systemdWordsSplitBackIntoTheOriginalValues() {
    List<String> hostile = List.of("x=$(touch pwned)", ";touch pwned", "a\"b\\c", "tab\there", "it's", "`id`", "plain=1");
    for (String value : hostile) {
      assertThat(SystemdWords.split(SystemdQuoting.execWord(value))).containsExactly(value);
    }
  }

  /** systemd's word splitting for Exec lines (quotes, C escapes, $$ and %% unescaping), for the test. */
  static final class SystemdWords {
    static List<String> split(String line) {
      List<String> words = new java.util.ArrayList<>();
      StringBuilder cur = null;
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote == 0 && Character.isWhitespace(c)) {
          if (cur != null) {
            words.add(cur.toString());
            cur = null;
          }
          continue;
        }
        if (cur == null) {
          cur = new StringBuilder();
        }
        if (quote == 0 && (c == '"' || c == '\'')) {
          quote = c;
        } else if (c == quote) {
          quote = 0;
        } else if (c == '\\') {
          char n = line.charAt(++i);
          cur.append(
              switch (n) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> n;
              });
        } else if ((c == '$' || c == '%') && i + 1 < line.length() && line.charAt(i + 1) == c) {
          cur.append(c);
          i++;
        } else if (c == '$' || c == '%') {
          throw new AssertionError("unescaped " + c + " in " + line);
        } else {
          cur.append(c);
        }
      }
      if (cur != null) {
        words.add(cur.toString());
      }
      return words;
    }
  }
}
