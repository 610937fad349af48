package dev.machine.it.generic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.core.ssh.SshKeys;
import dev.machine.it.cli.MachineRunner;
import dev.machine.it.cli.MachineRunner.Result;
import dev.machine.it.provision.InstallScriptServer;
import dev.machine.it.testbed.TestHost;
import dev.machine.it.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create -d generic} end to end through the built launcher, on real test hosts (sshd and
 * dockerd in their own network namespaces): provisioning, the docker CLI through {@code env},
 * {@code ssh}, {@code scp}, re-provisioning and new certificates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenericMachineIT {
  static TestHosts hosts;
  @TempDir static Path work;
  static MachineRunner machine;

  @BeforeAll
  static void boot() {
    TestHosts.requireEnvironment();
    hosts = TestHosts.start(4);
    machine = new MachineRunner(work.resolve("store"));
  }

  @AfterAll
  static void stop() {
    if (hosts != null) {
      hosts.close();
    }
  }

  static Result create(String name, String... extra) {
    TestHost host = hosts.host(name);
    String[] args = {"create", "-d", "generic", "--generic-ip-address", host.ip(), "--generic-ssh-user",
        TestHost.SSH_USER, "--generic-ssh-key", hosts.privateKeyPath().toString()};
    String[] all = new String[args.length + extra.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    all[all.length - 1] = name;
    return machine.run(all);
  }

  String env(String name) {
    return "eval $(machine -s '" + machine.store() + "' env " + name + ") && ";
  }

  @Test
  @Order(1)
  void createProvisionsDockerWithTls() {
    long start = System.nanoTime();
    Result r = create("h1").exits(0);
    System.out.println("[generic] create -d generic through the CLI: " + (System.nanoTime() - start) / 1_000_000 + " ms");
    assertThat(r.out())
        .contains("Running pre-create checks...\nCreating machine...\n")
        .contains("Waiting for machine to be running, this may take a few minutes...\n")
        .contains("Detecting operating system of created instance...\n")
        .contains("Checking connection to Docker...\nDocker is up and running!\n")
        .endsWith(" env h1\n");

    String version = machine.run("version", "h1").exits(0).out().trim();
    assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(machine.run("ls").exits(0).out())
        .containsPattern("\nh1 +- +generic +Running +tcp://" + hosts.host("h1").ip().replace(".", "\\.") + ":2376 +v");
    assertThat(machine.run("status", "h1").exits(0).out()).isEqualTo("Running\n");
    assertThat(machine.run("ip", "h1").exits(0).out()).isEqualTo(hosts.host("h1").ip() + "\n");
  }

  @Test
  @Order(2)
  void dockerRunsContainersThroughEnv() {
    Result r = machine.bash(env("h1")
        + "docker import -c 'CMD [\"/bin/sh\"]' - busybox:local < '" + hosts.busyboxTarball() + "' >/dev/null && "
        + "docker run --rm busybox:local echo hi").exits(0);
    assertThat(r.out()).isEqualTo("hi\n");
  }

  @Test
  @Order(3)
  void sshRunsCommands() {
    assertThat(machine.run("ssh", "h1", "--", "hostname").exits(0).out()).isEqualTo("h1\n");
    // The remote exit code comes back as ours, with nothing added on stderr.
    assertThat(machine.run("ssh", "h1", "exit 7").exits(7).err()).isEmpty();
    assertThat(machine.run("--native-ssh", "ssh", "h1", "--", "hostname; exit 7").exits(7).out()).isEqualTo("h1\n");
  }

  @Test
  @Order(4)
  void scpCopiesBothWaysAndRecursively() throws Exception {
    Path local = Files.writeString(work.resolve("hello.txt"), "hello over scp\n");
    machine.run("scp", local.toString(), "h1:/tmp/hello.txt").exits(0);
    assertThat(machine.run("ssh", "h1", "cat", "/tmp/hello.txt").exits(0).out()).isEqualTo("hello over scp\n");

    Path back = work.resolve("back.txt");
    machine.run("scp", "h1:/tmp/hello.txt", back.toString()).exits(0);
    assertThat(back).hasContent("hello over scp");

    Path dir = Files.createDirectories(work.resolve("tree/sub"));
    Files.writeString(dir.resolve("f.txt"), "deep\n");
    machine.run("scp", "-r", work.resolve("tree").toString(), "h1:/tmp/").exits(0);
    assertThat(machine.run("ssh", "h1", "cat", "/tmp/tree/sub/f.txt").exits(0).out()).isEqualTo("deep\n");

    Result wrong = machine.run("scp", "only-one").exits(1);
    assertThat(wrong.err()).isEqualTo("Improper number of arguments\n");
  }

  @Test
  @Order(5)
  void provisionTwiceAndRegenerateCertificates() {
    // Converges: a second run leaves the daemon's options, the hostname and /etc/hosts as the first left them.
    String state = "cat /etc/systemd/system/docker.service.d/10-machine.conf /etc/hostname /etc/hosts";
    machine.run("provision", "h1").exits(0);
    String afterFirst = hosts.host("h1").exec(state).orThrow("reading h1's configuration").stdout();
    machine.run("provision", "h1").exits(0);
    assertThat(hosts.host("h1").exec(state).orThrow("reading h1's configuration").stdout()).isEqualTo(afterFirst);
    assertThat(afterFirst).contains("--tlsverify").contains("provider=generic");
    String before = machine.run("version", "h1").exits(0).out();

    machine.run("regenerate-certs", "-f", "h1").exits(0);
    Result docker = machine.bash(env("h1") + "docker version --format '{{.Server.Version}}'").exits(0);
    assertThat(docker.out()).isEqualTo(before);

    Result asked = machine.runWithInput("n\n", "regenerate-certs", "h1").exits(0);
    assertThat(asked.out()).isEqualTo("Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): ");
  }

  @Test
  @Order(6)
  void regenerateCertsWithClientCertsReplacesTheCa() throws Exception {
    byte[] oldCa = Files.readAllBytes(machine.store().resolve("certs/ca.pem"));
    machine.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "other").exits(0);
    Result r = machine.runWithInput("y\n", "regenerate-certs", "--client-certs", "h1").exits(0);
    assertThat(r.out()).contains("Regenerating local certificates").contains("Regenerating TLS certificates");
    // The machine not named still trusts the old CA: say which, and what to run.
    assertThat(r.out()).contains("unreachable until you run 'machine regenerate-certs -f other'");
    machine.run("rm", "-y", "other").exits(0);
    assertThat(Files.readAllBytes(machine.store().resolve("certs/ca.pem"))).isNotEqualTo(oldCa);
    Result docker = machine.bash(env("h1") + "docker version --format '{{.Server.Version}}'").exits(0);
    assertThat(docker.out()).isNotBlank();
  }

  @Test
  @Order(7)
  void legacySwarmIsRefusedBeforeAnythingIsMade() {
    Result r = create("h4", "--swarm", "--swarm-discovery", "token://x").exits(1);
    assertThat(r.err()).contains("Swarm");
    assertThat(machine.store().resolve("machines/h4")).doesNotExist();
  }

  @Test
  @Order(8)
  void twoMachinesCreatedInParallel() {
    CompletableFuture<Result> a = CompletableFuture.supplyAsync(() -> create("h2"));
    CompletableFuture<Result> b = CompletableFuture.supplyAsync(() -> create("h3"));
    a.join().exits(0);
    b.join().exits(0);
    String ls = machine.run("ls").exits(0).out();
    assertThat(ls).containsPattern("\nh2 +- +generic +Running +tcp://\\S+ +v\\d");
    assertThat(ls).containsPattern("\nh3 +- +generic +Running +tcp://\\S+ +v\\d");
  }

  @Test
  @Order(9)
  void aCreateThatFailsLeavesNothingBehind() {
    // dockerd refuses an unknown flag, so docker does not start: provisioning puts the host back and fails.
    Result r = create("h4", "--engine-opt", "no-such-dockerd-flag=1").exits(1);
    // The first line names the failing command and dockerd's complaint; the command's output
    // follows, for diagnosis.
    assertThat(r.err().lines().findFirst().orElse(""))
        .startsWith("Error creating machine: Error running provisioning: sudo systemctl -f start docker: exit status 1: ")
        .endsWith("unknown flag: --no-such-dockerd-flag");
    assertThat(r.err()).contains("Job for docker.service failed. See /var/log/docker.log:");
    assertThat(r.out()).contains("(use --keep-on-failure to keep it)");
    assertThat(machine.store().resolve("machines/h4")).doesNotExist();
    assertThat(machine.run("ls", "-q").exits(0).out()).doesNotContain("h4");
    // The host is left as it was: its Docker still runs, without the rejected option.
    assertThat(hosts.host("h4").exec("/usr/local/sbin/systemctl is-active docker").stdout().strip()).isEqualTo("active");
  }

  @Test
  @Order(10)
  void aCreateRepairsAHostThatAnEarlierFailureLeftBroken() {
    // What Docker Machine (or an interrupted run) leaves behind: a drop-in dockerd refuses, Docker down.
    TestHost h4 = hosts.host("h4");
    h4.exec("mkdir -p /etc/systemd/system/docker.service.d && printf '%s\\n' '[Service]' 'ExecStart='"
            + " 'ExecStart=/usr/bin/dockerd --no-such-dockerd-flag=1' > /etc/systemd/system/docker.service.d/10-machine.conf"
            + " && /usr/local/sbin/systemctl stop docker")
        .orThrow("breaking h4's docker");
    assertThat(h4.exec("/usr/local/sbin/systemctl is-active docker").stdout().strip()).isEqualTo("inactive");

    long start = System.nanoTime();
    create("h4").exits(0);
    System.out.println("[generic] create over a broken Docker: " + (System.nanoTime() - start) / 1_000_000 + " ms");
    assertThat(machine.run("status", "h4").exits(0).out()).isEqualTo("Running\n");
    assertThat(machine.bash(env("h4") + "docker version --format '{{.Server.Os}}'").exits(0).out()).isEqualTo("linux\n");
    machine.run("rm", "-y", "h4").exits(0);
  }

  @Test
  @Order(11)
  void anInstallScriptThatCannotBeFetchedFailsClearlyAndLeavesNothing() throws Exception {
    TestHost h4 = hosts.host("h4");
    h4.exec("mv /usr/bin/docker /usr/bin/docker.hidden").orThrow("hiding docker on h4");
    try (InstallScriptServer server = InstallScriptServer.start(hosts.gatewayIp())) {
      String missing = server.url("/missing.sh");
      Result r = create("h4", "--engine-install-url", missing).exits(1);
      assertThat(r.err().lines().findFirst().orElse(""))
          .isEqualTo("Error creating machine: Error running provisioning: error installing docker: "
              + "cannot download the install script " + missing + ": curl: (22) The requested URL returned error: 404");
      assertThat(server.requests()).containsExactly("GET /missing.sh");
      assertThat(machine.store().resolve("machines/h4")).doesNotExist();

      // Nothing listens on port 1 of the gateway: the connection is refused.
      String refused = "http://" + hosts.gatewayIp() + ":1/install.sh";
      Result r2 = create("h4", "--engine-install-url", refused).exits(1);
      assertThat(r2.err().lines().findFirst().orElse(""))
          .startsWith("Error creating machine: Error running provisioning: error installing docker: "
              + "cannot download the install script " + refused + ": curl: (7) ");
      assertThat(machine.store().resolve("machines/h4")).doesNotExist();
      assertThat(machine.run("ls", "-q").exits(0).out()).doesNotContain("h4");
      assertThat(h4.exec("ls -A /tmp").orThrow("ls /tmp").stdout()).doesNotContain("machine-docker-install");
    } finally {
      h4.exec("mv /usr/bin/docker.hidden /usr/bin/docker").orThrow("restoring docker on h4");
    }
  }

  @Test
  @Order(12)
  void aKeyTheHostRejectsFailsThePreCreateCheckAndLeavesNothing() throws Exception {
    Path stranger = work.resolve("stranger_key");
    SshKeys.generate(stranger);
    String ip = hosts.host("h3").ip();
    Result r = machine.run("create", "-d", "generic", "--generic-ip-address", ip, "--generic-ssh-user",
        TestHost.SSH_USER, "--generic-ssh-key", stranger.toString(), "wrong-key").exits(3);
    assertThat(r.err()).isEqualTo("Error with pre-create check: \"ssh: unable to authenticate as " + TestHost.SSH_USER
        + "@" + ip + ":22 with key " + stranger + ": Exhausted available authentication methods\"\n");
    assertThat(machine.store().resolve("machines/wrong-key")).doesNotExist();
    assertThat(machine.run("ls", "-q").exits(0).out()).doesNotContain("wrong-key");
  }

  @Test
  @Order(13)
  void aMachineWhoseKeyIsRejectedFailsAtOnceInsteadOfWaiting() throws Exception {
    Path key = machine.store().resolve("machines/h3/id_rsa");
    byte[] good = Files.readAllBytes(key);
    SshKeys.generate(work.resolve("other_key"));
    Files.write(key, Files.readAllBytes(work.resolve("other_key")));
    try {
      Result r = machine.run("provision", "h3").exits(1);
      // Not "Too many retries waiting for SSH" after 3 minutes: the rejection, at once.
      assertThat(r.err()).contains("ssh: unable to authenticate as " + TestHost.SSH_USER + "@"
          + hosts.host("h3").ip() + ":22 with key " + key + ": Exhausted available authentication methods");
      assertThat(r.err()).doesNotContain("Too many retries");
    } finally {
      Files.write(key, good);
    }
    machine.run("provision", "h3").exits(0);
  }

  @Test
  @Order(15)
  void aCreateAgainstAStoppedHostFailsAtOnceAndLeavesNothing() {
    // A stopped test host's address is unroutable here (the testbed's unreachable 10.200/16
    // route), so the dial fails locally and nothing leaves the machine.
    hosts.stop(hosts.host("h4"));
    Result r = create("h4").exits(3);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("Error with pre-create check: \"Cannot reach the host's SSH port " + hosts.host("h4").ip() + ":22: ");
    assertThat(machine.store().resolve("machines/h4")).doesNotExist();
    assertThat(machine.run("ls", "-q").exits(0).out()).doesNotContain("h4");
  }

  @Test
  @Order(14)
  void genericMachinesCannotBeStoppedAndRmLeavesTheHostRunning() {
    assertThat(machine.run("stop", "h2").exits(1).err()).isEqualTo("generic driver does not support stop\n");
    machine.run("rm", "-y", "h2").exits(0);
    assertThat(hosts.host("h2").ssh("hostname").stdout()).contains("h2");
  }
}
