package dev.machine.it.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A set of real test hosts for integration tests: each one a Debian root filesystem running sshd
 * and dockerd in its own network, UTS, mount and PID namespaces, with its own address
 * 10.200.S.4, .5, ... (S a subnet leased for this fixture; the outer end of each link is 10.200.S.1).
 *
 * <pre>{@code
 * static TestHosts hosts;
 * @BeforeAll static void boot() { hosts = TestHosts.start(2); }         // h1, h2
 * @AfterAll static void stop() { hosts.close(); }
 * ... hosts.host("h1").ssh("hostname"), hosts.host("h1").exec("cat /etc/docker/daemon.json")
 * }</pre>
 *
 * For the EC2 emulator: {@code TestHosts.builder().subnet(3).outerNetns("sealed").count(1).start()}
 * boots 10.200.3.4 with its link's outer end in the namespace {@code sealed}.
 *
 * <p>Needs root and the testbed scripts ({@code machine.testbed} system property); it installs
 * missing packages and builds the cached root filesystem on first use. {@link #close()} (also run
 * by a JVM shutdown hook) stops every host it booted.
 */
public final class TestHosts implements AutoCloseable {

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_PARALLEL_BOOTS = 4;

  private final TestbedScripts scripts;
  private final Path workDir;
  private final SubnetLease lease;
  private final int subnet;
  private final String outerNetns;
  private final Path privateKey;
  private final Path keyDirToDelete;
  private final boolean docker;
  private final Duration bootTimeout;
  private final String netnsPrefix;
  private final List<TestHost> hosts = Collections.synchronizedList(new ArrayList<>());
  private final Thread shutdownHook;
  private int nextOctet;
  private boolean closed;

  private TestHosts(Builder b, TestbedScripts scripts, Path workDir, SubnetLease lease, Path privateKey, Path keyDirToDelete) {
    this.scripts = scripts;
    this.workDir = workDir;
    this.lease = lease;
    this.subnet = lease != null ? lease.subnet() : b.subnet;
    this.outerNetns = b.outerNetns;
    this.privateKey = privateKey;
    this.keyDirToDelete = keyDirToDelete;
    this.docker = b.docker;
    this.bootTimeout = b.bootTimeout;
    this.nextOctet = b.firstHostOctet;
    this.netnsPrefix = "tb" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3)) + "-";
    this.shutdownHook = new Thread(this::stopAllQuietly, "test-hosts-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Boots {@code count} hosts h1..hN on an automatically leased subnet. */
  public static TestHosts start(int count) {
    return builder().count(count).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks that this machine can run test hosts, installing missing packages and building the
   * cached root filesystem if needed (both fast when done already). Fails loudly (never skips)
   * with what is wrong: CI runs as root with everything installed.
   */
  public static void requireEnvironment() {
    requireEnvironment(TestbedScripts.locate());
  }

  private static void requireEnvironment(TestbedScripts scripts) {
    long uid = currentUid();
    if (uid != 0) {
      throw new IllegalStateException(
          "Test hosts need root (network namespaces, mounts, chroot) but the tests run as uid "
              + uid
              + ": run the integration tests as root");
    }
    scripts
        .runScript("install-packages.sh", List.of(), INSTALL_TIMEOUT)
        .orThrow("Installing the test packages (" + scripts.script("install-packages.sh") + ")");
    scripts
        .runScript("build-rootfs.sh", List.of(), BUILD_TIMEOUT)
        .orThrow("Building the test hosts' root filesystem (" + scripts.script("build-rootfs.sh") + ")");
  }

  private static long currentUid() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read /proc/self/status to check for root", e);
    }
    throw new IllegalStateException("No Uid line in /proc/self/status");
  }

  /** The hosts booted so far, in boot order (stopped ones included). */
  public List<TestHost> hosts() {
    synchronized (hosts) {
      return List.copyOf(hosts);
    }
  }

  /** The host named {@code name} (e.g. {@code h1}). */
  public TestHost host(String name) {
    return hosts().stream()
        .filter(h -> h.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No test host named " + name + " in " + hosts()));
  }

  /** The third octet S of this fixture's 10.200.S.0/24. */
  public int subnet() {
    return subnet;
  }

  /** The outer end of every host's link, 10.200.S.1. */
  public String gatewayIp() {
    return "10.200." + subnet + ".1";
  }

  /** The private key (PEM RSA, no passphrase) every host accepts for its user and root. */
  public Path privateKeyPath() {
    return privateKey;
  }

  public Path publicKeyPath() {
    return Paths.get(privateKey + ".pub");
  }

  /**
   * The busybox root filesystem tarball for {@code docker import -c 'CMD ["/bin/sh"]' -
   * busybox:local} (each host also has it at {@code /usr/local/share/testbed/busybox.tar}).
   */
  public Path busyboxTarball() {
    return scripts.busyboxTarball();
  }

  /** Boots one more host named {@code name} at the next address of the subnet. */
  public TestHost boot(String name) {
    int octet;
    synchronized (this) {
      requireOpen();
      octet = nextOctet++;
    }
    return bootAt(name, octet);
  }

  private List<TestHost> bootAll(List<String> names) {
    List<Integer> octets = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < names.size(); i++) {
        octets.add(nextOctet++);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(names.size(), MAX_PARALLEL_BOOTS));
    try {
      List<Future<TestHost>> futures = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        int octet = octets.get(i);
        futures.add(pool.submit(() -> bootAt(name, octet)));
      }
      List<TestHost> booted = new ArrayList<>();
      for (Future<TestHost> f : futures) {
        booted.add(f.get());
      }
      return booted;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while booting test hosts", e);
    } finally {
      pool.shutdown();
    }
  }

  private TestHost bootAt(String name, int octet) {
    if (octet < 2 || octet > 254) {
      throw new IllegalArgumentException("No address left in 10.200." + subnet + ".0/24 for " + name);
    }
    String ip = "10.200." + subnet + "." + octet;
    String netns = netnsPrefix + name;
    List<String> args = new ArrayList<>(
        List.of("boot", netns, ip + "/24", gatewayIp(), publicKeyPath().toString(),
            "--hostname", name, "--workdir", workDir.toString(),
            "--timeout", Long.toString(bootTimeout.toSeconds())));
    if (outerNetns != null) {
      args.addAll(List.of("--outer-netns", outerNetns));
    }
    if (!docker) {
      args.add("--no-docker");
    }
    ExecResult result;
    try {
      result = scripts.runScript("host.sh", args, bootTimeout.plusSeconds(60))
          .orThrow("Booting test host " + name + " at " + ip);
    } catch (RuntimeException e) {
      // host.sh cleans up after its own failures, but not when it was killed on our timeout.
      scripts.runScript("host.sh", List.of("stop", netns, "--workdir", workDir.toString()), STOP_TIMEOUT);
      throw e;
    }
    String[] lines = result.stdout().strip().split("\n");
    long pid = Long.parseLong(lines[lines.length - 1].trim());
    TestHost host = new TestHost(name, ip, gatewayIp(), netns, outerNetns, privateKey, pid, scripts, workDir);
    hosts.add(host);
    return host;
  }

  /** Stops {@code host} (kills it, deletes its namespace, link and files); its address then
   * answers "No route to host". Stopping a stopped host does nothing. */
  public void stop(TestHost host) {
    if (!host.isRunning()) {
      return;
    }
    scripts
        .runScript("host.sh", List.of("stop", host.netns(), "--workdir", workDir.toString()), STOP_TIMEOUT)
        .orThrow("Stopping test host " + host.name());
    host.markStopped();
  }

  /** Stops every host and releases the subnet and the generated key. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it does the same
    }
    RuntimeException failure = stopAll();
    if (failure != null) {
      throw failure;
    }
  }

  private void stopAllQuietly() {
    RuntimeException failure = stopAll();
    if (failure != null) {
      System.err.println("TestHosts: " + failure.getMessage());
    }
  }

  private synchronized RuntimeException stopAll() {
    RuntimeException failure = null;
    for (TestHost host : hosts()) {
      try {
        stop(host);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (keyDirToDelete != null) {
      deleteTree(keyDirToDelete);
    }
    deleteIfEmpty(workDir.resolve("keys"));
    deleteIfEmpty(workDir); // shared by this JVM's fixtures: only once the last one is closed
    if (lease != null) {
      lease.close();
    }
    return failure;
  }

  private synchronized void requireOpen() {
    if (closed) {
      throw new IllegalStateException("TestHosts already closed");
    }
  }

  private static void deleteIfEmpty(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException notEmptyOrGone) {
      // still in use by another fixture of this JVM
    }
  }

  private static void deleteTree(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a key pair in the temp directory; nothing depends on its removal
    }
  }

  /** Hosts of test JVMs that died without closing their fixture (kill -9): stop them now. */
  private static void stopOrphans(TestbedScripts scripts, Path root, Path ownWorkDir) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "jvm-*")) {
      for (Path dir : dirs) {
        if (dir.equals(ownWorkDir)) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(dir.getFileName().toString().substring(4));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        scripts.runScript("host.sh", List.of("stop-all", "--workdir", dir.toString()), STOP_TIMEOUT);
        deleteTree(dir.resolve("keys"));
        try {
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // not empty: left for the next run to look at
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot scan " + root + " for orphaned test hosts", e);
    }
  }

  /** Options for {@link TestHosts}. */
  public static final class Builder {
    private int count = 1;
    private List<String> names;
    private Integer subnet;
    private int firstHostOctet = 4;
    private String outerNetns;
    private Path privateKey;
    private boolean docker = true;
    private Duration bootTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** How many hosts to boot, named h1..hN (default 1). */
    public Builder count(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must be >= 0");
      }
      this.count = count;
      return this;
    }

    /** Boots one host per name instead of h1..hN. */
    public Builder names(String... names) {
      this.names = List.of(names);
      return this;
    }

    /**
     * Uses 10.200.{@code subnet}.0/24 instead of a leased automatic one (required with
     * {@link #outerNetns}).
     */
    public Builder subnet(int subnet) {
      if (subnet < 0 || subnet > 255) {
        throw new IllegalArgumentException("subnet must be 0..255, got " + subnet);
      }
      this.subnet = subnet;
      return this;
    }

    /** The last octet of the first host (default 4, as the EC2 emulator's first instance). */
    public Builder firstHostOctet(int octet) {
      this.firstHostOctet = octet;
      return this;
    }

    /** Puts the outer end of every host's link into this existing network namespace. */
    public Builder outerNetns(String netns) {
      this.outerNetns = netns;
      return this;
    }

    /** Uses this private key ({@code KEY.pub} next to it) instead of generating one. */
    public Builder privateKey(Path privateKey) {
      this.privateKey = privateKey;
      return this;
    }

    /** Whether dockerd starts at boot (default true); tests of a fresh install may want false. */
    public Builder docker(boolean docker) {
      this.docker = docker;
      return this;
    }

    public Builder bootTimeout(Duration timeout) {
      this.bootTimeout = timeout;
      return this;
    }

    /** Checks the environment, then boots the hosts; on any failure stops what was booted. */
    public TestHosts start() {
      if (outerNetns != null && subnet == null) {
        throw new IllegalArgumentException("outerNetns needs an explicit subnet");
      }
      List<String> hostNames = names != null ? names : defaultNames(count);
      TestbedScripts scripts = TestbedScripts.locate();
      requireEnvironment(scripts);

      Path root = Paths.get(System.getProperty("java.io.tmpdir"), "machine-testbed");
      Path workDir = root.resolve("jvm-" + ProcessHandle.current().pid());
      SubnetLease lease = null;
      Path keyDir = null;
      try {
        Files.createDirectories(workDir);
        stopOrphans(scripts, root, workDir);
        if (outerNetns == null) {
          lease = subnet == null ? SubnetLease.acquireAny(root.resolve("locks"))
              : SubnetLease.acquire(root.resolve("locks"), subnet);
        }
        Path key = privateKey;
        if (key == null) {
          keyDir = Files.createTempDirectory(Files.createDirectories(workDir.resolve("keys")), "key");
          key = keyDir.resolve("id_rsa");
          generateKey(key);
        } else if (!Files.isReadable(Paths.get(key + ".pub"))) {
          throw new IllegalArgumentException("No public key " + key + ".pub next to the private key");
        }
        TestHosts testHosts = new TestHosts(this, scripts, workDir, lease, key.toAbsolutePath(), keyDir);
        try {
          testHosts.bootAll(hostNames);
        } catch (RuntimeException e) {
          try {
            testHosts.close();
          } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
          }
          throw e;
        }
        return testHosts;
      } catch (IOException e) {
        releaseAfterFailure(lease, keyDir);
        throw new UncheckedIOException("Cannot prepare " + workDir, e);
      } catch (RuntimeException e) {
        releaseAfterFailure(lease, keyDir);
        throw e;
      }
    }

    private static void releaseAfterFailure(SubnetLease lease, Path keyDir) {
      if (lease != null) {
        lease.close();
      }
      if (keyDir != null) {
        deleteTree(keyDir);
      }
    }

    private static List<String> defaultNames(int count) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        names.add("h" + i);
      }
      return names;
    }

    private static void generateKey(Path key) {
      TestbedScripts.run(
              List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-C", "machine-testbed",
                  "-f", key.toString()),
              null,
              Duration.ofSeconds(60))
          .orThrow("ssh-keygen");
    }
  }
}
