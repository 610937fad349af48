package dev.machine.it.testbed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running test host booted by {@link TestHosts}: a Debian root filesystem with sshd and
 * dockerd in its own network, UTS, mount and PID namespaces, reachable at {@link #ip()} from this
 * machine (or from {@link #outerNetns()} when the hosts were booted for a sealed namespace).
 */
public final class TestHost {

  /** The login user baked into the root filesystem (sudo without password). */
  public static final String SSH_USER = "machine";

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  private final String name;
  private final String ip;
  private final String gatewayIp;
  private final String netns;
  private final String outerNetns;
  private final Path privateKey;
  private final long pid;
  private final TestbedScripts scripts;
  private final Path workDir;
  private final AtomicBoolean stopped = new AtomicBoolean();

  TestHost(
      String name,
      String ip,
      String gatewayIp,
      String netns,
      String outerNetns,
      Path privateKey,
      long pid,
      TestbedScripts scripts,
      Path workDir) {
    this.name = name;
    this.ip = ip;
    this.gatewayIp = gatewayIp;
    this.netns = netns;
    this.outerNetns = outerNetns;
    this.privateKey = privateKey;
    this.pid = pid;
    this.scripts = scripts;
    this.workDir = workDir;
  }

  /** The host name (what {@code hostname} prints on the host), e.g. {@code h1}. */
  public String name() {
    return name;
  }

  /** The host's address, e.g. {@code 10.200.100.4}. */
  public String ip() {
    return ip;
  }

  /** The address of the outer end of the host's link, e.g. {@code 10.200.100.1}. */
  public String gatewayIp() {
    return gatewayIp;
  }

  /** The network namespace the host runs in (unique on this machine). */
  public String netns() {
    return netns;
  }

  /** The namespace holding the outer end of the host's link; empty for this machine's own. */
  public Optional<String> outerNetns() {
    return Optional.ofNullable(outerNetns);
  }

  /** The SSH user, with passwordless sudo (root accepts the same key). */
  public String sshUser() {
    return SSH_USER;
  }

  /** The private key (PEM RSA) that both {@link #sshUser()} and root accept. */
  public Path privateKeyPath() {
    return privateKey;
  }

  /** The PID that keeps the host alive (the {@code unshare} process); killing it ends the host. */
  public long pid() {
    return pid;
  }

  public boolean isRunning() {
    return !stopped.get();
  }

  void markStopped() {
    stopped.set(true);
  }

  /**
   * Runs {@code sh -c command} as root inside the host, without SSH (through nsenter), for
   * assertions on the host's state, e.g. {@code exec("cat /etc/hostname")}.
   */
  public ExecResult exec(String command) {
    requireRunning();
    return TestbedScripts.run(
        List.of(
            scripts.script("host.sh").toString(),
            "exec",
            netns,
            "--workdir",
            workDir.toString(),
            "--",
            "sh",
            "-c",
            command),
        null,
        COMMAND_TIMEOUT);
  }

  /** Runs {@code command} over SSH as {@link #sshUser()} with the system {@code ssh} client. */
  public ExecResult ssh(String command) {
    return ssh(command, null);
  }

  /** Like {@link #ssh(String)}, with the remote command's stdin read from {@code stdin}. */
  public ExecResult ssh(String command, Path stdin) {
    return TestbedScripts.run(sshCommandLine(command), stdin, COMMAND_TIMEOUT);
  }

  /**
   * The command line that runs {@code command} on this host with the system ssh client, as the
   * user (prefixed with {@code ip netns exec} when the host is reachable only from a namespace).
   */
  public List<String> sshCommandLine(String command) {
    List<String> line = new ArrayList<>();
    if (outerNetns != null) {
      line.addAll(List.of("ip", "netns", "exec", outerNetns));
    }
    line.addAll(
        List.of(
            "ssh",
            "-i",
            privateKey.toString(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "ConnectTimeout=10",
            SSH_USER + "@" + ip,
            command));
    return line;
  }

  private void requireRunning() {
    if (stopped.get()) {
      throw new IllegalStateException("Test host " + name + " (" + ip + ") is stopped");
    }
  }

  @Override
  public String toString() {
    return name + "@" + ip + (outerNetns == null ? "" : " (from netns " + outerNetns + ")");
  }
}
