package dev.machine.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.it.cli.MachineRunner.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages, streams and exit codes of Docker Machine's §1, through the built launcher. */
class CliBasicsIT {
  static final String NOT_EXIST =
      "Docker machine \"nope\" does not exist. Use \"docker-machine ls\" to list machines. Use \"docker-machine create\" to add a new one.";

  @TempDir Path store;
  MachineRunner machine;

  @BeforeEach
  void setUp() {
    machine = new MachineRunner(store);
  }

  Result createNone(String name, String url, String... extra) {
    String[] args = new String[5 + extra.length];
    args[0] = "create";
    args[1] = "-d";
    args[2] = "none";
    args[3] = "--url";
    args[4] = url;
    System.arraycopy(extra, 0, args, 5, extra.length);
    String[] withName = java.util.Arrays.copyOf(args, args.length + 1);
    withName[args.length] = name;
    return machine.run(withName);
  }

  @Test
  void unknownCommandAndHelp() {
    Result r = machine.run("bogus").exits(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("machine: 'bogus' is not a machine command. See '" + MachineRunner.launcher() + " --help'.\n");
    assertThat(machine.run("help", "bogus").exits(1).err()).isEqualTo(r.err());

    Result help = machine.run("--help").exits(0);
    assertThat(help.out()).startsWith("Usage: machine [OPTIONS] COMMAND [arg...]\n");
    assertThat(help.out()).containsPattern("\n  ls\t+List machines\n");

    Result lsHelp = machine.run("ls", "--help").exits(0);
    assertThat(lsHelp.out()).startsWith("Usage: machine ls [OPTIONS] [arg...]\n\nList machines\n\nOptions:\n   \n");
    assertThat(lsHelp.out()).containsPattern("--timeout, -t \"10\"\t+Timeout in seconds, default to 10s");
    assertThat(machine.run("help", "rm").exits(0).out()).startsWith("Usage: machine rm [OPTIONS] [arg...]\n");
  }

  @Test
  void unknownFlagIsIncorrectUsage() {
    Result r = machine.run("ls", "--bogus").exits(1);
    assertThat(r.out()).startsWith("Incorrect Usage.\n\nUsage: machine ls");
    assertThat(r.err()).isEqualTo("flag provided but not defined: -bogus\n");
  }

  @Test
  void version() {
    assertThat(machine.run("version").exits(0).out()).matches("machine version \\S+, build \\S+\n");
    assertThat(machine.run("--version").exits(0).out()).startsWith("machine version ");
    assertThat(machine.run("version", "a", "b").exits(1).err()).isEqualTo("Error: Expected one machine name as an argument\n");
    assertThat(machine.run("version", "nope").exits(1).err()).isEqualTo(NOT_EXIST + "\n");
  }

  @Test
  void createNoneAndUseIt() throws Exception {
    Result created = createNone("dev", "tcp://127.0.0.5:2376", "--engine-label", "env=dev", "--tls-san", "foo.example.com").exits(0);
    assertThat(created.out())
        .contains("Creating CA: " + store.resolve("certs/ca.pem"))
        .contains("Running pre-create checks...\nCreating machine...\n")
        .endsWith("To see how to connect your Docker Client to the Docker Engine running on this virtual machine, run: "
            + MachineRunner.launcher() + " env dev\n");
    Path dir = store.resolve("machines/dev");
    assertThat(dir.resolve("config.json")).exists();
    assertThat(dir.resolve("ca.pem")).hasSameBinaryContentAs(store.resolve("certs/ca.pem"));
    assertThat(dir.resolve("cert.pem")).hasSameBinaryContentAs(store.resolve("certs/cert.pem"));
    assertThat(dir.resolve("key.pem")).hasSameBinaryContentAs(store.resolve("certs/key.pem"));

    assertThat(machine.run("url", "dev").exits(0).out()).isEqualTo("tcp://127.0.0.5:2376\n");
    assertThat(machine.run("ip", "dev").exits(0).out()).isEqualTo("127.0.0.5:2376\n");
    assertThat(machine.run("status", "dev").exits(0).out()).isEqualTo("Running\n");
    assertThat(machine.run("ls", "-q").exits(0).out()).isEqualTo("dev\n");

    String inspect = machine.run("inspect", "dev").exits(0).out();
    assertThat(inspect)
        .startsWith("{\n    \"ConfigVersion\": 3,\n    \"Driver\": {\n        \"IPAddress\": \"127.0.0.5:2376\",")
        .contains("\"URL\": \"tcp://127.0.0.5:2376\"")
        .contains("\"Labels\": [\n                \"env=dev\"\n            ]")
        .contains("\"ServerCertSANs\": [\n                \"foo.example.com\"\n            ]")
        .endsWith("    \"Name\": \"dev\"\n}\n");
    assertThat(inspect).isEqualTo(Files.readString(dir.resolve("config.json")) + "\n");

    // Loopback only: nothing listens there, so the version query fails at once.
    Result ls = machine.run("ls").exits(0);
    assertThat(ls.out()).matches("(?s)NAME +ACTIVE +DRIVER +STATE +URL +SWARM +DOCKER +ERRORS\n.*");
    assertThat(ls.out()).containsPattern("\ndev +- +none +Running +tcp://127\\.0\\.0\\.5:2376 +Unknown +Unable to query docker version: ");

    assertThat(machine.run("stop", "dev").exits(1))
        .satisfies(r -> assertThat(r.out()).isEqualTo("Stopping \"dev\"...\n"))
        .satisfies(r -> assertThat(r.err()).isEqualTo("hosts without a driver cannot be stopped\n"));
    assertThat(machine.run("start", "dev").exits(1).err()).isEqualTo("Machine \"dev\" is already running.\n");
    assertThat(machine.run("kill", "dev").exits(1).err()).isEqualTo("hosts without a driver cannot be killed\n");
    assertThat(machine.run("restart", "dev").exits(1).err()).isEqualTo("hosts without a driver cannot be restarted\n");
  }

  @Test
  void createErrors() {
    assertThat(machine.run("create", "-d", "none").exits(1))
        .satisfies(r -> assertThat(r.out()).startsWith("Usage: machine create [OPTIONS] [arg...]"))
        .satisfies(r -> assertThat(r.err()).isEqualTo("Error: No machine name specified\n"));
    assertThat(machine.run("create", "-d", "none", "--url", "tcp://x:1", "a", "b").exits(1).err())
        .isEqualTo("Invalid command line. Found extra arguments [b]\n");
    assertThat(machine.run("create", "-d", "none", "--url", "tcp://x:1", "bad_name").exits(1).err())
        .isEqualTo("Error creating machine: Invalid hostname specified. Allowed hostname chars are: 0-9a-zA-Z . -\n");
    assertThat(machine.run("create", "-d", "none", "dev").exits(1).err())
        .isEqualTo("Error setting machine configuration from flags provided: --url option is required when no driver is selected\n");
    assertThat(machine.run("create", "-d", "bogus", "dev").exits(1).err())
        .isEqualTo("Driver \"bogus\" not found. Do you have the plugin binary \"docker-machine-driver-bogus\" accessible in your PATH?\n");
    assertThat(machine.run("create", "--url", "tcp://x:1", "dev").exits(1).err())
        .startsWith("Error: No driver specified").contains("none");
    assertThat(machine.run("create", "-d", "none", "--url", "tcp://x:1", "--swarm-discovery", "nourl", "dev").exits(1).err())
        .isEqualTo("Error parsing swarm discovery: Swarm Discovery URL was in the wrong format: nourl\n");
    assertThat(store.resolve("machines/dev")).doesNotExist();

    createNone("dev", "tcp://x:1").exits(0);
    assertThat(createNone("dev", "tcp://x:1").exits(1).err()).isEqualTo("Docker machine \"dev\" already exists\n");
  }

  @Test
  void machineDriverEnvironmentChoosesTheDriverAndOptionsMayComeAnywhere() {
    machine.env("MACHINE_DRIVER", "none");
    Result r = machine.run("create", "dev", "--url", "tcp://127.1.1.1:2376").exits(0);
    assertThat(r.err()).isEmpty();
    assertThat(machine.run("url", "dev").out()).isEqualTo("tcp://127.1.1.1:2376\n");
  }

  @Test
  void createHelpShowsTheDriversFlagsSorted() {
    Result r = machine.run("create", "-d", "none", "--help").exits(0);
    assertThat(r.out()).startsWith("Usage: machine create [OPTIONS] [arg...]\n\nCreate a machine\n\nDescription:\n");
    assertThat(r.out()).containsPattern("\n   --url \t+URL of host when no driver is selected\n");
    assertThat(r.out()).containsPattern("\n   --driver, -d \t+Driver to create machine with. \\[\\$MACHINE_DRIVER\\]\n");
    int swarm = r.out().indexOf("--swarm-strategy");
    int tls = r.out().indexOf("--tls-san");
    int url = r.out().indexOf("--url");
    assertThat(swarm).isPositive().isLessThan(tls);
    assertThat(tls).isLessThan(url);

    Result generic = machine.run("create", "-d", "generic", "--help").exits(0);
    assertThat(generic.out()).containsPattern("--generic-ssh-port \"22\"\t+.*\\[\\$GENERIC_SSH_PORT\\]");
  }

  @Test
  void preCreateCheckFailureExitsThreeAndSavesNothing() {
    Result r = machine.run("create", "-d", "generic", "--generic-ip-address", "127.0.0.1",
        "--generic-ssh-key", "/nonexistent", "h1").exits(3);
    assertThat(r.err()).isEqualTo("Error with pre-create check: \"SSH key does not exist: \\\"/nonexistent\\\"\"\n");
    assertThat(r.out()).contains("Running pre-create checks...");
    assertThat(store.resolve("machines/h1")).doesNotExist();
  }

  @Test
  void badEnvironmentValuesForFlagsAreRejected() {
    machine.env("GENERIC_SSH_PORT", "twenty-two");
    Result r = machine.run("create", "-d", "generic", "--generic-ip-address", "127.0.0.1", "h1").exits(1);
    assertThat(r.err()).contains("invalid value \"twenty-two\" for $GENERIC_SSH_PORT");
    assertThat(store.resolve("machines/h1")).doesNotExist();
  }

  @Test
  void missingMachinesAndNames() {
    assertThat(machine.run("inspect", "nope").exits(1).err()).isEqualTo(NOT_EXIST + "\n");
    assertThat(machine.run("url").exits(1).err())
        .isEqualTo("Error: No machine name(s) specified and no \"default\" machine exists\n");
    assertThat(machine.run("ip").exits(1).err())
        .isEqualTo("Error: No machine name(s) specified and no \"default\" machine exists\n");
    assertThat(machine.run("status", "a", "b").exits(1).err()).isEqualTo("Error: Expected one machine name as an argument\n");
    Result inspect = machine.run("inspect", "a", "b").exits(1);
    assertThat(inspect.out()).startsWith("Usage: machine inspect [OPTIONS] [arg...]");
    assertThat(inspect.err()).isEqualTo("Error: Expected one machine name as an argument\n");
    assertThat(machine.run("active", "x").exits(1).err()).isEqualTo("Error: Too many arguments given\n");
    assertThat(machine.run("active").exits(1).err()).isEqualTo("No active host found\n");
  }

  @Test
  void defaultMachineIsUsedWithoutAName() {
    createNone("default", "tcp://127.9.9.9:2376").exits(0);
    assertThat(machine.run("url").exits(0).out()).isEqualTo("tcp://127.9.9.9:2376\n");
    assertThat(machine.run("ip").exits(0).out()).isEqualTo("127.9.9.9:2376\n");
  }

  @Test
  void rmPromptsAndHonoursYesAndForce() {
    createNone("a", "tcp://127.0.0.1:2376").exits(0);
    createNone("b", "tcp://127.0.0.2:2376").exits(0);

    Result no = machine.runWithInput("n\n", "rm", "a").exits(0);
    assertThat(no.out())
        .isEqualTo("About to remove a\nWARNING: This action will delete both local reference and remote instance.\nAre you sure? (y/n): ");
    assertThat(store.resolve("machines/a")).exists();
    machine.runWithInput("", "rm", "a").exits(0);
    assertThat(store.resolve("machines/a")).exists();

    Result yes = machine.runWithInput("y\n", "rm", "a").exits(0);
    assertThat(yes.out()).endsWith("Are you sure? (y/n): Successfully removed a\n");
    assertThat(store.resolve("machines/a")).doesNotExist();

    Result missing = machine.run("rm", "-y", "b", "nope").exits(1);
    assertThat(missing.out()).contains("Successfully removed b");
    assertThat(missing.err()).isEqualTo("Error removing host \"nope\": " + NOT_EXIST + "\n");

    Result forced = machine.run("rm", "-f", "nope").exits(0);
    assertThat(forced.err()).isEqualTo("Error removing host \"nope\": " + NOT_EXIST + "\nCan't remove \"nope\"\n");

    Result none = machine.run("rm").exits(1);
    assertThat(none.out()).startsWith("Usage: machine rm [OPTIONS] [arg...]");
    assertThat(none.err()).isEqualTo("Error: Expected to get one or more machine names as arguments\n");
  }

  @Test
  void lsFiltersAndErrors() throws Exception {
    createNone("web1", "tcp://127.0.0.1:2376", "--engine-label", "env=prod").exits(0);
    createNone("web2", "tcp://127.0.0.2:2376", "--engine-label", "env=dev").exits(0);
    createNone("db10", "tcp://127.0.0.3:2376").exits(0);
    createNone("db9", "tcp://127.0.0.4:2376").exits(0);

    assertThat(machine.run("ls", "-q", "--filter", "name=^web").exits(0).out()).isEqualTo("web1\nweb2\n");
    assertThat(machine.run("ls", "-q", "--filter", "label=env=PROD").exits(0).out()).isEqualTo("web1\n");
    assertThat(machine.run("ls", "-q", "--filter", "label=env").exits(0).out()).isEqualTo("web1\nweb2\n");
    assertThat(machine.run("ls", "-q", "--filter", "label=env=dev", "--filter", "label=env=prod").exits(0).out())
        .isEqualTo("web1\nweb2\n");
    assertThat(machine.run("ls", "-q", "--filter", "name=1", "--filter", "driver=NONE").exits(0).out())
        .isEqualTo("db10\nweb1\n");
    assertThat(machine.run("ls", "-q", "--filter", "state=Stopped").exits(0).out()).isEmpty();
    assertThat(machine.run("ls", "--filter", "bogus=1").exits(1).err()).isEqualTo("Unsupported filter key 'bogus'\n");
    assertThat(machine.run("ls", "--filter", "name").exits(1).err()).isEqualTo("Unsupported filter syntax\n");
    assertThat(machine.run("ls", "--filter", "name=(").exits(1).err()).startsWith("error parsing regexp: ");

    // Natural order in the table; a machine whose config is broken gets an error row.
    Files.createDirectories(store.resolve("machines/broken"));
    Files.writeString(store.resolve("machines/broken/config.json"), "{bad");
    String ls = machine.run("ls", "--timeout", "3").exits(0).out();
    assertThat(ls.lines().map(l -> l.split(" ")[0]).toList())
        .containsExactly("NAME", "broken", "db9", "db10", "web1", "web2");
    assertThat(ls).containsPattern("\nbroken +not found +Error +\\S");
    assertThat(machine.run("ls", "-q").exits(0).out()).isEqualTo("db10\ndb9\nweb1\nweb2\n");
  }

  @Test
  void activeMachineIsMarkedFromDockerHost() {
    createNone("a", "tcp://127.0.0.1:2376").exits(0);
    createNone("b", "tcp://127.0.0.2:2376").exits(0);
    machine.env("DOCKER_HOST", "tcp://127.0.0.2:2376");
    assertThat(machine.run("active").exits(0).out()).isEqualTo("b\n");
    assertThat(machine.run("ls").exits(0).out()).containsPattern("\nb +\\* +none");
  }

  @Test
  void debugLogsGoToStderrAndNeverToStdout() {
    createNone("dev", "tcp://127.0.0.1:2376").exits(0);
    Result quiet = machine.run("url", "dev").exits(0);
    assertThat(quiet.err()).isEmpty();
    Result debug = machine.run("-D", "url", "dev").exits(0);
    assertThat(debug.out()).isEqualTo("tcp://127.0.0.1:2376\n");
    machine.env("MACHINE_DEBUG", "maybe");
    assertThat(machine.run("url", "dev").exits(1).err())
        .isEqualTo("Error parsing boolean value from MACHINE_DEBUG: strconv.ParseBool: parsing \"maybe\": invalid syntax\n");
  }

  @Test
  void debugShowsTheStoreTheCertificatesTheCreateStepsAndTheStateFetch() {
    Result create = machine.run("-D", "create", "-d", "none", "--url", "tcp://127.0.0.1:2376", "dev").exits(0);
    assertThat(create.out()).doesNotContain("DEBUG");
    assertThat(create.err())
        .contains("Generated a 2048-bit RSA CA")
        .contains("Pre-create check of driver none for machine dev")
        .contains("Saved new machine dev in " + store.resolve("machines/dev"))
        .contains("Machine dev has driver none");

    Result ls = machine.run("-D", "ls").exits(0);
    assertThat(ls.out()).startsWith("NAME ").doesNotContain("DEBUG");
    assertThat(ls.err())
        .contains("Loaded machine dev (driver none)")
        .contains("Fetching the state of 1 machines, timeout 10s")
        .containsPattern("dev: state Running, URL tcp://127\\.0\\.0\\.1:2376, .* \\(\\d+ ms\\)");

    Result env = machine.run("-D", "env", "dev").exits(1);
    assertThat(env.out()).isEmpty();
    assertThat(env.err()).contains("Checking the TLS connection to 127.0.0.1:2376");
    Result unset = machine.run("-D", "env", "-u").exits(0);
    assertThat(unset.out()).startsWith("unset DOCKER_TLS_VERIFY\n").doesNotContain("DEBUG");

    assertThat(machine.run("ls").exits(0).err()).isEmpty();
  }

  /**
   * Ctrl-C while a generic create waits for SSH (a loopback port that accepts and hangs up at once,
   * so the wait would go on for minutes): the create stops, removes the machine, exits 130.
   */
  @Test
  void ctrlCDuringCreateRemovesTheMachineAndExits130() throws Exception {
    try (ServerSocket hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!hangsUp.isClosed()) {
                  try (Socket ignored = hangsUp.accept()) {
                    // closed at once: "Server closed connection during identification exchange"
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Path log = store.resolve("create.log");
      Process create =
          machine.start(log, "create", "-d", "generic", "--generic-ip-address", "127.0.0.1",
              "--generic-ssh-port", String.valueOf(hangsUp.getLocalPort()), "g1");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (create.isAlive() && System.nanoTime() < deadline
          && !(Files.exists(log) && Files.readString(log).contains("Waiting for SSH to be available..."))) {
        Thread.sleep(10);
      }
      assertThat(create.isAlive()).as("create waiting for SSH; log:%n%s", Files.readString(log)).isTrue();
      assertThat(store.resolve("machines/g1")).exists();

      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(create.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
      assertThat(create.waitFor(2, TimeUnit.MINUTES)).as("create exits after Ctrl-C").isTrue();
      String out = Files.readString(log);
      assertThat(create.exitValue()).as("exit status; log:%n%s", out).isEqualTo(130);
      assertThat(out)
          .contains("Interrupted: stopping the create of machine \"g1\"...\n")
          .contains("Removing what the interrupted create made for machine \"g1\" (use --keep-on-failure to keep it)...\n")
          .contains("Removed machine \"g1\": its driver's resources and its configuration.\n")
          .endsWith("Error creating machine: interrupted\n");
      assertThat(store.resolve("machines/g1")).doesNotExist();
      assertThat(machine.run("ls", "-q").exits(0).out()).isEmpty();
    }
  }
}
