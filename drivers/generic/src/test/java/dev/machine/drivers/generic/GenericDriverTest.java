package dev.machine.drivers.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.DriverOptions;
import dev.machine.core.driver.DriverRegistry;
import dev.machine.core.driver.FlagType;
import dev.machine.core.driver.HostNotRunningException;
import dev.machine.core.driver.MapDriverOptions;
import dev.machine.core.driver.State;
import dev.machine.core.ssh.CommandResult;
import dev.machine.core.ssh.RemoteShell;
import dev.machine.core.ssh.SshException;
import dev.machine.core.ssh.SshTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericDriverTest {
  @TempDir Path store;
  private final List<String> progress = new ArrayList<>();
  private final Progress recording =
      new Progress() {
        @Override
        public void info(String message) {
          progress.add(message);
        }

        @Override
        public void warn(String message) {
          progress.add("WARN " + message);
        }
      };

  private DriverContext context() {
    return new DriverContext("dev", store, recording);
  }

  /** The flag values a front end passes: every default, overridden by {@code given}. */
  private static DriverOptions options(Map<String, Object> given) {
    Map<String, Object> values = new HashMap<>();
    for (CreateFlag f : new GenericDriverProvider().createFlags()) {
      values.put(f.name(), f.defaultValue());
    }
    values.put("swarm-master", false);
    values.put("swarm-host", "tcp://0.0.0.0:3376");
    values.put("swarm-discovery", "");
    values.putAll(given);
    return new MapDriverOptions(values);
  }

  private GenericDriver configured(Map<String, Object> given) {
    GenericDriver d = new GenericDriver(context());
    d.setConfigFromFlags(options(given));
    return d;
  }

  @Test
  void isRegisteredThroughServiceLoader() {
    DriverRegistry registry = DriverRegistry.discover(getClass().getClassLoader());
    assertThat(registry.require("generic")).isInstanceOf(GenericDriverProvider.class);
  }

  @Test
  void flagsMatchDockerMachine() {
    assertThat(new GenericDriverProvider().createFlags())
        .extracting(CreateFlag::name, CreateFlag::type, CreateFlag::defaultValue, CreateFlag::envVar)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("generic-engine-port", FlagType.INT, 2376, "GENERIC_ENGINE_PORT"),
            org.assertj.core.groups.Tuple.tuple("generic-ip-address", FlagType.STRING, "", "GENERIC_IP_ADDRESS"),
            org.assertj.core.groups.Tuple.tuple("generic-ssh-user", FlagType.STRING, "root", "GENERIC_SSH_USER"),
            org.assertj.core.groups.Tuple.tuple("generic-ssh-key", FlagType.STRING, "", "GENERIC_SSH_KEY"),
            org.assertj.core.groups.Tuple.tuple("generic-ssh-port", FlagType.INT, 22, "GENERIC_SSH_PORT"));
  }

  @Test
  void readsEveryFlagWithItsDeclaredType() {
    Map<String, FlagType> declared = new HashMap<>();
    new GenericDriverProvider().createFlags().forEach(f -> declared.put(f.name(), f.type()));
    List<String> wrong = new ArrayList<>();
    DriverOptions checking =
        new DriverOptions() {
          final DriverOptions real = options(Map.of("generic-ip-address", "10.0.0.5"));

          private void check(String name, FlagType type) {
            if (declared.containsKey(name) && declared.get(name) != type) {
              wrong.add(name);
            }
          }

          @Override
          public String string(String name) {
            check(name, FlagType.STRING);
            return real.string(name);
          }

          @Override
          public List<String> stringList(String name) {
            check(name, FlagType.STRING_LIST);
            return real.stringList(name);
          }

          @Override
          public int integer(String name) {
            check(name, FlagType.INT);
            return real.integer(name);
          }

          @Override
          public boolean bool(String name) {
            check(name, FlagType.BOOL);
            return real.bool(name);
          }
        };
    new GenericDriver(context()).setConfigFromFlags(checking);
    assertThat(wrong).isEmpty();
  }

  @Test
  void requiresAnIpAddress() {
    assertThatThrownBy(() -> configured(Map.of()))
        .isInstanceOf(MachineException.class)
        .hasMessage("generic driver requires the --generic-ip-address option");
  }

  @Test
  void writesDockerMachinesJsonAndReadsItBack() throws IOException {
    GenericDriver d =
        configured(
            Map.of(
                "generic-ip-address", "10.0.0.5",
                "generic-ssh-user", "alice",
                "generic-ssh-port", 2222,
                "generic-engine-port", 12376,
                "generic-ssh-key", "/home/alice/.ssh/id_ed25519"));
    ObjectNode json = d.writeConfig();
    assertThat(iterable(json.fieldNames()))
        .containsExactly(
            "IPAddress", "MachineName", "SSHUser", "SSHPort", "SSHKeyPath", "StorePath", "SwarmMaster",
            "SwarmHost", "SwarmDiscovery", "EnginePort", "SSHKey");
    assertThat(json.get("EnginePort").asInt()).isEqualTo(12376);
    assertThat(json.get("SSHKey").asText()).isEqualTo("/home/alice/.ssh/id_ed25519");
    assertThat(json.get("SSHKeyPath").asText()).isEmpty();
    assertThat(json.get("SwarmHost").asText()).isEqualTo("tcp://0.0.0.0:3376");

    GenericDriver loaded = new GenericDriver(context());
    loaded.readConfig((ObjectNode) new ObjectMapper().readTree(json.toString()));
    assertThat(loaded.writeConfig()).isEqualTo(json);
    assertThat(loaded.ip()).isEqualTo("10.0.0.5");
    assertThat(loaded.sshPort()).isEqualTo(2222);
    assertThat(loaded.sshUsername()).isEqualTo("alice");
    assertThat(loaded.sshKeyPath()).isEmpty();
  }

  @Test
  void keepsUnknownKeysOfANewerVersion() throws IOException {
    ObjectNode json =
        (ObjectNode)
            new ObjectMapper()
                .readTree("{\"IPAddress\":\"1.2.3.4\",\"EnginePort\":2376,\"SSHKey\":\"\",\"Future\":true}");
    GenericDriver d = new GenericDriver(context());
    d.readConfig(json);
    assertThat(d.writeConfig().get("Future").asBoolean()).isTrue();
  }

  @Test
  void preCreateCheckRejectsAMissingKey() {
    GenericDriver d =
        configured(Map.of("generic-ip-address", "127.0.0.1", "generic-ssh-key", store + "/nope"));
    assertThatThrownBy(d::preCreateCheck).hasMessage("SSH key does not exist: \"" + store + "/nope\"");
  }

  @Test
  void preCreateCheckRejectsAHostWhoseSshPortIsClosed() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    GenericDriver d = configured(Map.of("generic-ip-address", "127.0.0.1", "generic-ssh-port", port));
    assertThatThrownBy(d::preCreateCheck)
        .hasMessageStartingWith("Cannot reach the host's SSH port 127.0.0.1:" + port + ": ")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void createImportsTheKeyAndItsPublicHalfAt0600() throws IOException {
    Path key = Files.createDirectories(store.resolve("keys")).resolve("my_key");
    Files.writeString(key, "PRIVATE");
    Files.writeString(Path.of(key + ".pub"), "ssh-rsa AAAA");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    GenericDriver d = withShell(new ArrayList<>(), c -> new CommandResult(0, ""));
    d.setConfigFromFlags(options(Map.of("generic-ip-address", "127.0.0.1", "generic-ssh-key", key.toString())));
    d.preCreateCheck();
    d.create();
    assertImported(d);
  }

  @Test
  void preCreateCheckLogsInOnceWithTheGivenKeyAndUser() throws IOException {
    Path key = Files.writeString(store.resolve("id_test"), "PRIVATE");
    List<SshTarget> targets = new ArrayList<>();
    GenericDriver d = withShell(targets, c -> new CommandResult(0, ""));
    d.setConfigFromFlags(flags("10.0.0.5", key.toString()));
    d.preCreateCheck();
    assertThat(targets).containsExactly(new SshTarget("10.0.0.5", 2222, "ubuntu", key.toString(), null));
  }

  @Test
  void preCreateCheckFailsAtOnceWhenTheHostRejectsTheLogin() throws IOException {
    Path key = Files.writeString(store.resolve("id_test"), "PRIVATE");
    String rejected = "ssh: unable to authenticate as ubuntu@10.0.0.5:2222 with key " + key
        + ": Exhausted available authentication methods";
    GenericDriver d = failingLogin(new SshException(SshException.Reason.AUTH, rejected));
    d.setConfigFromFlags(flags("10.0.0.5", key.toString()));
    assertThatThrownBy(d::preCreateCheck).isExactlyInstanceOf(MachineException.class).hasMessage(rejected);
  }

  @Test
  void preCreateCheckLeavesAFailedHandshakeToTheSshWait() throws IOException {
    Path key = Files.writeString(store.resolve("id_test"), "PRIVATE");
    GenericDriver d = failingLogin(new SshException(SshException.Reason.TRANSPORT, "SSH handshake failed: reset"));
    d.setConfigFromFlags(flags("10.0.0.5", key.toString()));
    d.preCreateCheck();
  }

  private static DriverOptions flags(String ip, String key) {
    return options(
        Map.of("generic-ip-address", ip, "generic-ssh-port", 2222, "generic-ssh-user", "ubuntu", "generic-ssh-key", key));
  }

  private GenericDriver failingLogin(SshException failure) {
    return new GenericDriver(context(), target -> {
      throw failure;
    });
  }

  private void assertImported(GenericDriver d) throws IOException {
    Path copied = store.resolve("machines/dev/my_key");
    assertThat(progress).containsExactly("Importing SSH key...");
    assertThat(Files.readString(copied)).isEqualTo("PRIVATE");
    assertThat(Files.getPosixFilePermissions(copied))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(Files.readString(Path.of(copied + ".pub"))).isEqualTo("ssh-rsa AAAA");
    assertThat(Files.getPosixFilePermissions(Path.of(copied + ".pub")))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(d.sshKeyPath()).isEqualTo(copied.toString());
    assertThat(d.writeConfig().get("SSHKeyPath").asText()).isEqualTo(copied.toString());
  }

  @Test
  void aMissingPublicKeyOnlyWarns() throws IOException {
    Path key = store.resolve("lonely_key");
    Files.writeString(key, "PRIVATE");
    GenericDriver d = configured(Map.of("generic-ip-address", "10.0.0.5", "generic-ssh-key", key.toString()));
    d.create();
    assertThat(progress).hasSize(2);
    assertThat(progress.get(1)).startsWith("WARN Couldn't copy SSH public key : unable to copy ssh key: ");
    assertThat(store.resolve("machines/dev/lonely_key")).exists();
  }

  @Test
  void createWithoutAKeyUsesTheDefaultKeys() {
    GenericDriver d = configured(Map.of("generic-ip-address", "10.0.0.5"));
    d.create();
    assertThat(progress).containsExactly("No SSH key specified. Assuming an existing key at the default location.");
    assertThat(d.sshKeyPath()).isEmpty();
    assertThat(store.resolve("machines/dev")).doesNotExist();
  }

  @Test
  void stateIsRunningWhileTheSshPortAcceptsConnections() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      GenericDriver d =
          configured(Map.of("generic-ip-address", "127.0.0.1", "generic-ssh-port", listening.getLocalPort()));
      assertThat(d.state()).isEqualTo(State.RUNNING);
      assertThat(d.url()).isEqualTo("tcp://127.0.0.1:2376");
    }
  }

  @Test
  void stateIsStoppedWhenTheSshPortIsClosed() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    GenericDriver d = configured(Map.of("generic-ip-address", "127.0.0.1", "generic-ssh-port", port));
    assertThat(d.state()).isEqualTo(State.STOPPED);
    assertThatThrownBy(d::url).isInstanceOf(HostNotRunningException.class).hasMessage("Host is not running");
  }

  @Test
  void ipv6UrlIsBracketed() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      GenericDriver d =
          configured(Map.of("generic-ip-address", "::1", "generic-ssh-port", listening.getLocalPort()));
      assertThat(d.url()).isEqualTo("tcp://[::1]:2376");
    } catch (java.net.SocketException noIpv6) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here");
    }
  }

  @Test
  void lifecycleActionsThatTheHostCannotDoFail() {
    GenericDriver d = configured(Map.of("generic-ip-address", "10.0.0.5"));
    assertThatThrownBy(d::start).hasMessage("generic driver does not support start");
    assertThatThrownBy(d::stop).hasMessage("generic driver does not support stop");
    assertThatThrownBy(d::kill).hasMessage("generic driver does not support kill");
    d.remove(); // leaves the host alone
  }

  @Test
  void restartRebootsOverSsh() {
    List<String> ran = new ArrayList<>();
    List<SshTarget> targets = new ArrayList<>();
    GenericDriver d = withShell(targets, cmd -> {
      ran.add(cmd);
      return new CommandResult(0, "");
    });
    d.setConfigFromFlags(options(Map.of("generic-ip-address", "10.0.0.5", "generic-ssh-user", "alice", "generic-ssh-port", 2222)));
    d.restart();
    assertThat(ran).containsExactly("sudo shutdown -r now");
    assertThat(targets).singleElement().satisfies(t -> {
      assertThat(t.display()).isEqualTo("alice@10.0.0.5:2222");
      assertThat(t.keyPath()).isEmpty();
    });
  }

  @Test
  void restartToleratesTheConnectionDroppingButReportsAFailedCommand() {
    GenericDriver dropped = withShell(new ArrayList<>(), cmd -> {
      throw new SshException(SshException.Reason.TRANSPORT, "connection reset");
    });
    dropped.setConfigFromFlags(options(Map.of("generic-ip-address", "10.0.0.5")));
    dropped.restart();

    GenericDriver refused = withShell(new ArrayList<>(), cmd -> new CommandResult(1, "sudo: a password is required"));
    refused.setConfigFromFlags(options(Map.of("generic-ip-address", "10.0.0.5")));
    assertThatThrownBy(refused::restart)
        .hasMessage("sudo shutdown -r now: exit status 1: sudo: a password is required");
  }

  private GenericDriver withShell(List<SshTarget> targets, Function<String, CommandResult> answer) {
    return new GenericDriver(
        context(),
        target -> {
          targets.add(target);
          return new RemoteShell() {
            @Override
            public CommandResult run(String command) {
              return answer.apply(command);
            }

            @Override
            public void writeFile(String remotePath, byte[] content, int mode) {
              throw new UnsupportedOperationException();
            }

            @Override
            public void close() {}
          };
        });
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
