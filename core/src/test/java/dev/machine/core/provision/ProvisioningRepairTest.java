package dev.machine.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.host.EngineOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Provisioning twice converges": a bad engine option never leaves a host that cannot be repaired. */
class ProvisioningRepairTest extends ProvisioningTestBase {
  private static final EngineOptions BAD =
      Engines.options(List.of("no-such-flag=1"), List.of(), List.of(), List.of(), List.of(), "", EngineOptions.DEFAULT_INSTALL_URL);
  private static final EngineOptions GOOD = Engines.withLabels("env=dev");
  private static final EngineOptions OLD = Engines.withLabels("env=old");
  private static final String START_FAILED = "sudo systemctl -f start docker: exit status 1: "
      + "Job for docker.service failed because the control process exited with error code.\n";

  private static String dropIn(EngineOptions engine) {
    return DockerDropIn.content(engine, 2376, "fake");
  }

  @Test
  void aHostAnEarlierRunLeftWithABadDropInIsRepairedByTheNextProvision() {
    FakeDockerHost host = new FakeDockerHost("ubuntu-22.04", dropIn(BAD));
    assertThat(host.dockerRunning()).isFalse();

    provisioning(host.connect()).provision(host(GOOD), progress);

    assertThat(host.dropIn()).isEqualTo(dropIn(GOOD));
    assertThat(host.dockerRunning()).isTrue();
    assertThat(host.hasBackup()).isFalse();
    assertThat(progress.lines()).contains("Docker does not start with its current configuration; replacing it...");
    // No 3-minute wait for a daemon that cannot start with the old options.
    assertThat(host.shell().commands()).doesNotContain("sudo docker version");
  }

  @Test
  void aDropInDockerRejectsIsSwappedBackForThePreviousOne() {
    FakeDockerHost host = new FakeDockerHost("ubuntu-22.04", dropIn(OLD));

    assertThatThrownBy(() -> provisioning(host.connect()).provision(host(BAD), progress))
        .hasMessageStartingWith(START_FAILED);

    assertThat(host.dropIn()).isEqualTo(dropIn(OLD));
    assertThat(host.dockerRunning()).isTrue();
    assertThat(progress.lines())
        .contains("Docker did not start with the new configuration; putting back the previous one...");
    List<String> commands = host.shell().commands();
    assertThat(commands.subList(commands.indexOf("sudo systemctl -f start docker"), commands.size()))
        .containsExactly(
            "sudo systemctl -f start docker",
            DropInBackup.RESTORE,
            "sudo systemctl daemon-reload",
            "sudo systemctl -f restart docker");
  }

  @Test
  void withoutAPreviousDropInTheRejectedOneIsRemovedAndDockerRunsAsInstalled() {
    FakeDockerHost host = new FakeDockerHost("debian-12", null);

    assertThatThrownBy(() -> provisioning(host.connect()).provision(host(BAD), progress))
        .hasMessageStartingWith(START_FAILED);

    assertThat(host.dropIn()).isNull();
    assertThat(host.dockerRunning()).isTrue();
  }

  @Test
  void provisioningAgainWithGoodOptionsAfterARejectedOneSucceeds() {
    FakeDockerHost host = new FakeDockerHost("debian-12", dropIn(OLD));
    assertThatThrownBy(() -> provisioning(host.connect()).provision(host(BAD), progress));

    provisioning(host.connect()).provision(host(GOOD), progress);

    assertThat(host.dropIn()).isEqualTo(dropIn(GOOD));
    assertThat(host.dockerRunning()).isTrue();
  }

  @Test
  void regenerateCertsPutsThePreviousDropInBackToo() {
    FakeDockerHost host = new FakeDockerHost("ubuntu-22.04", dropIn(OLD));

    assertThatThrownBy(() -> provisioning(host.connect()).configureAuth(host(BAD), progress))
        .hasMessageStartingWith(START_FAILED);

    assertThat(host.dropIn()).isEqualTo(dropIn(OLD));
    assertThat(host.dockerRunning()).isTrue();
  }

  @Test
  void aHostThatCannotBePutBackSaysSo() {
    FakeDockerHost host = new FakeDockerHost("ubuntu-22.04", dropIn(BAD));

    assertThatThrownBy(() -> provisioning(host.connect()).provision(host(BAD), progress))
        .hasMessageStartingWith(START_FAILED)
        .hasMessageContaining("\nThe previous Docker configuration could not be restarted either: ");

    assertThat(host.dropIn()).isEqualTo(dropIn(BAD));
    assertThat(host.dockerRunning()).isFalse();
  }
}
