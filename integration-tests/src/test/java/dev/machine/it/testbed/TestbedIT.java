package dev.machine.it.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Smoke test of the test hosts themselves: what the other integration tests rely on. */
class TestbedIT {

  private static TestHosts hosts;

  @BeforeAll
  static void boot() {
    hosts = TestHosts.start(2);
  }

  @AfterAll
  static void shutDown() {
    if (hosts != null) {
      hosts.close();
    }
  }

  @Test
  void eachHostAnswersSshWithItsOwnName() {
    for (TestHost host : hosts.hosts()) {
      ExecResult result = host.ssh("hostname");
      assertThat(result.exitCode()).as("ssh %s: %s", host, result).isZero();
      assertThat(result.stdout().strip()).isEqualTo(host.name());
      assertThat(host.exec("cat /etc/hostname").stdout().strip()).isEqualTo(host.name());
    }
    assertThat(hosts.hosts()).extracting(TestHost::ip).doesNotHaveDuplicates();
  }

  @Test
  void dockerStartsThroughTheSystemctlStandInAndRunsContainers() {
    TestHost host = hosts.host("h1");
    assertThat(host.ssh("sudo systemctl -f start docker").exitCode()).isZero();
    ExecResult version = poll(() -> host.ssh("sudo docker version --format '{{.Server.Version}}'"), Duration.ofSeconds(30));
    assertThat(version.exitCode()).as("docker version: %s", version).isZero();
    assertThat(version.stdout()).isNotBlank();
    assertThat(host.ssh("systemctl is-active docker").stdout().strip()).isEqualTo("active");

    assertThat(Files.isRegularFile(hosts.busyboxTarball())).isTrue();
    ExecResult imported =
        host.ssh("sudo docker import -c 'CMD [\"/bin/sh\"]' - busybox:local", hosts.busyboxTarball());
    assertThat(imported.exitCode()).as("docker import: %s", imported).isZero();
    ExecResult run = host.ssh("sudo docker run --rm busybox:local echo hi");
    assertThat(run.exitCode()).as("docker run: %s", run).isZero();
    assertThat(run.stdout().strip()).isEqualTo("hi");
  }

  @Test
  void hostsAreIsolatedFromEachOther() {
    TestHost h1 = hosts.host("h1");
    TestHost h2 = hosts.host("h2");
    assertThat(h2.exec("setsid sleep 4242 >/dev/null 2>&1 < /dev/null & echo started").exitCode()).isZero();
    assertThat(h2.exec("pgrep -x -f 'sleep 4242'").exitCode()).isZero();
    assertThat(h1.exec("pgrep -x -f 'sleep 4242'").exitCode()).isEqualTo(1);
    // PID 1 of each host is its own sshd, not this machine's init.
    assertThat(h1.exec("cat /proc/1/comm").stdout().strip()).isEqualTo("sshd");
    ExecResult dial = h1.exec("timeout 3 bash -c 'echo > /dev/tcp/" + h2.ip() + "/22'");
    assertThat(dial.exitCode()).as("h1 dialing h2: %s", dial).isNotZero();
  }

  @Test
  void stoppingLeavesNoNamespaceAndTheAddressUnreachable() {
    List<TestHost> stopped;
    try (TestHosts own = TestHosts.builder().count(2).docker(false).start()) {
      TestHost first = own.host("h1");
      own.stop(first);
      assertThat(first.isRunning()).isFalse();
      assertThat(namespaces()).doesNotContain(first.netns());
      ExecResult ssh = first.ssh("true");
      assertThat(ssh.exitCode()).isEqualTo(255);
      assertThat(ssh.stderr()).contains("No route to host");
      assertThat(own.host("h2").ssh("hostname").stdout().strip()).isEqualTo("h2");
      stopped = own.hosts();
    }
    assertThat(stopped).noneMatch(TestHost::isRunning);
    List<String> left = namespaces();
    assertThat(stopped).allSatisfy(h -> assertThat(left).doesNotContain(h.netns()));
  }

  @Test
  void hostsCanBeReachableOnlyFromASealedNamespace() {
    String sealed = "tbit-sealed-" + ProcessHandle.current().pid();
    run("ip", "netns", "add", sealed);
    try {
      run("ip", "-n", sealed, "link", "set", "lo", "up");
      try (TestHosts own = TestHosts.builder().subnet(3).outerNetns(sealed).count(2).docker(false).start()) {
        TestHost first = own.host("h1");
        assertThat(first.ip()).isEqualTo("10.200.3.4");
        assertThat(own.host("h2").ip()).isEqualTo("10.200.3.5");
        assertThat(first.outerNetns()).contains(sealed);
        ExecResult ssh = first.ssh("hostname");
        assertThat(ssh.exitCode()).as("ssh from %s: %s", sealed, ssh).isZero();
        assertThat(ssh.stdout().strip()).isEqualTo("h1");
        // From this machine's own namespace the address must not be routable at all (asked of the
        // routing table, without sending a packet).
        ExecResult route = TestbedScripts.run(List.of("ip", "route", "get", first.ip()), null, Duration.ofSeconds(10));
        assertThat(route.stdout() + route.stderr()).containsAnyOf("unreachable", "No route to host");
      }
    } finally {
      run("ip", "netns", "del", sealed);
    }
  }

  private static void run(String... command) {
    TestbedScripts.run(List.of(command), null, Duration.ofSeconds(10)).orThrow(String.join(" ", command));
  }

  private static List<String> namespaces() {
    ExecResult list = TestbedScripts.run(List.of("ip", "netns", "list"), null, Duration.ofSeconds(10));
    return list.stdout().lines().map(l -> l.split(" ")[0]).toList();
  }

  private static ExecResult poll(Supplier<ExecResult> command, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ExecResult result = command.get();
    while (!result.ok() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      result = command.get();
    }
    return result;
  }
}
