package dev.machine.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import org.junit.jupiter.api.Test;

class DockerEndpointTest {
  @Test
  void parsesDockerUrls() {
    assertThat(DockerEndpoint.parse("tcp://10.0.0.5:2376")).isEqualTo(new DockerEndpoint("10.0.0.5", 2376));
    assertThat(DockerEndpoint.parse("tcp://docker.example.com:3376/")).isEqualTo(new DockerEndpoint("docker.example.com", 3376));
    assertThat(DockerEndpoint.parse("tcp://[fd00::5]:2376").hostPort()).isEqualTo("[fd00::5]:2376");
    assertThat(DockerEndpoint.parse("10.0.0.5").port()).isEqualTo(2376);
    assertThat(DockerEndpoint.parse("tcp://10.0.0.5:2376").url()).isEqualTo("tcp://10.0.0.5:2376");
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> DockerEndpoint.parse("tcp://:2376")).isInstanceOf(MachineException.class);
    assertThatThrownBy(() -> DockerEndpoint.parse("tcp://h:99999")).isInstanceOf(MachineException.class);
    assertThatThrownBy(() -> DockerEndpoint.parse("tcp://h:abc")).isInstanceOf(MachineException.class);
  }
}
