package dev.machine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker Machine's security-group permission cases (amazonec2_test.go). */
class IngressRulesTest {
  private static final PortRule SSH = new PortRule(22, "tcp");
  private static final PortRule DOCKER = new PortRule(2376, "tcp");

  @Test
  void anEmptyGroupGetsSshAndDocker() {
    assertThat(IngressRules.missing(List.of(), false, 22, 0, List.of())).containsExactly(SSH, DOCKER);
  }

  @Test
  void aGroupWithOneOfThemGetsTheOther() {
    assertThat(IngressRules.missing(List.of(SSH), false, 22, 0, List.of())).containsExactly(DOCKER);
    assertThat(IngressRules.missing(List.of(DOCKER), false, 22, 0, List.of())).containsExactly(SSH);
    assertThat(IngressRules.missing(List.of(SSH, DOCKER), false, 22, 0, List.of())).isEmpty();
  }

  @Test
  void aReadOnlyGroupGetsNothing() {
    assertThat(IngressRules.missing(List.of(), true, 22, 3376, List.of("8080"))).isEmpty();
  }

  @Test
  void openPortsFollowWithTheirProtocolTcpByDefault() {
    List<PortRule> rules = IngressRules.missing(List.of(), false, 22, 0, List.of("8888/tcp", "8080/udp", "9090"));
    assertThat(rules).hasSize(5);
    assertThat(rules.subList(2, 5))
        .containsExactly(new PortRule(8888, "tcp"), new PortRule(8080, "udp"), new PortRule(9090, "tcp"));
  }

  @Test
  void portsAlreadyPresentAreSkipped() {
    List<PortRule> present = List.of(SSH, DOCKER, new PortRule(8888, "tcp"));
    assertThat(IngressRules.missing(present, false, 22, 0, List.of("8888/tcp", "8080/udp")))
        .containsExactly(new PortRule(8080, "udp"));
  }

  @Test
  void aBadPortIsAnError() {
    assertThatThrownBy(() -> IngressRules.missing(List.of(), false, 22, 0, List.of("abc1")))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith("invalid port number abc1: ");
  }

  @Test
  void aSwarmMasterWithSshAndDockerOpenGetsOnlyTheSwarmPort() {
    assertThat(IngressRules.missing(List.of(SSH, DOCKER), false, 22, 3376, List.of()))
        .containsExactly(new PortRule(3376, "tcp"));
  }

  @Test
  void aCustomSshPortIsOpenedInsteadOf22() {
    assertThat(IngressRules.missing(List.of(SSH), false, 2222, 0, List.of()))
        .containsExactly(new PortRule(2222, "tcp"), DOCKER);
  }
}
