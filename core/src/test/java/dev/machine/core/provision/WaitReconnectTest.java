package dev.machine.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.driver.DriverContext;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import dev.machine.core.ssh.SshKeys;
import dev.machine.core.testing.ScriptedSshd;
import dev.machine.core.testing.ScriptedSshd.Drop;
import dev.machine.core.testing.ScriptedSshd.Output;
import dev.machine.core.testing.ScriptedSshd.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A host that drops the connection during a wait (a reboot) is dialled again within the wait's bound. */
class WaitReconnectTest extends ProvisioningTestBase {
  private static final Waits SHORT = new Waits(3, Duration.ofMillis(10), 3, Duration.ofMillis(10));

  private Host hostOn(int sshPort) {
    SshKeys.generate(store.resolve("machines/dev/id_rsa"));
    var driver = new FakeDriver(new DriverContext("dev", store, progress), "127.0.0.1", "tcp://127.0.0.1:2376", sshPort);
    return new Host("dev", "fake", driver, new HostOptions("", 0, 0, Engines.defaults(), swarm(false), auth));
  }

  private static Function<String, Reply> rebootingHost(AtomicInteger probes) {
    return command -> switch (command) {
      case "exit 0" -> new Output(0, "");
      case "cat /etc/os-release" -> new Output(0, OsReleaseSamples.text("debian-12"));
      case HostSetup.DOCKER_PORT_PROBE -> probes.incrementAndGet() == 1 ? new Drop() : new Output(0, SS_LISTENING);
      default -> new Output(127, "unexpected command " + command);
    };
  }

  @Test
  void thePortWaitDialsAgainWhenTheHostDropsTheConnection() throws IOException {
    AtomicInteger probes = new AtomicInteger();
    try (ScriptedSshd sshd = ScriptedSshd.start(store, rebootingHost(probes))) {
      SshProvisioning provisioning = new SshProvisioning(new SshShellFactory(SHORT), ServerCertIssuer.standard(), SHORT);

      provisioning.waitForDocker(hostOn(sshd.port()), progress);

      assertThat(sshd.commands())
          .containsExactly("exit 0", "cat /etc/os-release", HostSetup.DOCKER_PORT_PROBE, HostSetup.DOCKER_PORT_PROBE);
      assertThat(sshd.connections()).isEqualTo(2);
    }
  }

  @Test
  void aHostThatDoesNotComeBackFailsAfterTheSameNumberOfAttempts() throws IOException {
    AtomicInteger probes = new AtomicInteger();
    ScriptedSshd[] server = new ScriptedSshd[1];
    Function<String, Reply> script = rebootingHost(probes);
    try (ScriptedSshd sshd = ScriptedSshd.start(store, command -> {
      Reply reply = script.apply(command);
      if (reply instanceof Drop) {
        // Down for good: nothing listens after this connection.
        new Thread(() -> stopQuietly(server[0])).start();
      }
      return reply;
    })) {
      server[0] = sshd;
      SshProvisioning provisioning = new SshProvisioning(new SshShellFactory(SHORT), ServerCertIssuer.standard(), SHORT);

      assertThatThrownBy(() -> provisioning.waitForDocker(hostOn(sshd.port()), progress))
          .hasMessage("Unable to verify the Docker daemon is listening: Maximum number of retries (3) exceeded");
      assertThat(probes).hasValue(1);
    }
  }

  private static void stopQuietly(ScriptedSshd sshd) {
    try {
      sshd.stop();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
