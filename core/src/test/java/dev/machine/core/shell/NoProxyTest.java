package dev.machine.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** §1.7 {@code --no-proxy}: which variable, and how the IP is added. */
class NoProxyTest {
  @Test
  void emptyEnvironmentGivesUpperCaseWithTheIp() {
    assertThat(DockerEnv.noProxy("10.0.0.5", Map.of())).isEqualTo(new EnvVar("NO_PROXY", "10.0.0.5"));
  }

  @Test
  void nonEmptyLowerCaseWins() {
    assertThat(DockerEnv.noProxy("10.0.0.5", Map.of("no_proxy", "localhost", "NO_PROXY", "other")))
        .isEqualTo(new EnvVar("no_proxy", "localhost,10.0.0.5"));
  }

  @Test
  void emptyLowerCaseFallsBackToUpperCase() {
    assertThat(DockerEnv.noProxy("10.0.0.5", Map.of("no_proxy", "", "NO_PROXY", "other")))
        .isEqualTo(new EnvVar("NO_PROXY", "other,10.0.0.5"));
  }

  @Test
  void anIpAlreadyPresentAsASubstringLeavesTheValueAlone() {
    assertThat(DockerEnv.noProxy("10.0.0.5", Map.of("NO_PROXY", "localhost,10.0.0.5")))
        .isEqualTo(new EnvVar("NO_PROXY", "localhost,10.0.0.5"));
    // Upstream's substring test: 10.0.0.5 is "in" 10.0.0.55 too.
    assertThat(DockerEnv.noProxy("10.0.0.5", Map.of("NO_PROXY", "10.0.0.55")))
        .isEqualTo(new EnvVar("NO_PROXY", "10.0.0.55"));
  }

  @Test
  void theNoneDriversHostAndPortIsUsedAsIs() {
    assertThat(DockerEnv.noProxy("10.0.0.5:2376", Map.of("NO_PROXY", "a")))
        .isEqualTo(new EnvVar("NO_PROXY", "a,10.0.0.5:2376"));
  }
}
