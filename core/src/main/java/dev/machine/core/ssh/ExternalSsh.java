package dev.machine.core.ssh;

import dev.machine.core.MachineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The argv for the system {@code ssh} binary, exactly as Docker Machine builds it ({@code
 * libmachine/ssh/client.go}), plus host-key pinning: when the target's known_hosts file pins the
 * host, {@code StrictHostKeyChecking=yes} with that file replaces Docker Machine's "accept
 * anything", so the external client honours the same pin as the native one.
 */
public final class ExternalSsh {
  private final Executables executables;

  public ExternalSsh(Executables executables) {
    this.executables = executables;
  }

  /** The {@code ssh} binary on the path, if any (Docker Machine uses the native client without). */
  public Optional<Path> binary() {
    return executables.find("ssh");
  }

  /**
   * {@code <ssh binary>} followed by {@link #arguments(SshTarget, List)}.
   *
   * @throws MachineException if there is no {@code ssh} on the path, or the key fails {@link
   *     KeyPermissions#check(Path)}
   */
  public List<String> command(SshTarget target, List<String> remoteArgs) {
    Path ssh = binary().orElseThrow(() -> new MachineException("ssh: executable file not found in $PATH"));
    List<String> argv = new ArrayList<>();
    argv.add(ssh.toString());
    argv.addAll(arguments(target, remoteArgs));
    return argv;
  }

  /**
   * {@code -F /dev/null -o ConnectionAttempts=3 -o ConnectTimeout=10 -o ControlMaster=no -o
   * ControlPath=none -o LogLevel=quiet -o PasswordAuthentication=no -o ServerAliveInterval=60 -o
   * StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null user@host [-o IdentitiesOnly=yes -i
   * KEY] -p PORT [args...]}. With a pinned host: {@code -o LogLevel=error} (so a changed key is
   * reported) and {@code -o StrictHostKeyChecking=yes -o UserKnownHostsFile=<file>}.
   *
   * @throws MachineException if the key fails {@link KeyPermissions#check(Path)}
   */
  public static List<String> arguments(SshTarget target, List<String> remoteArgs) {
    boolean pinned = isPinned(target);
    List<String> args = new ArrayList<>(List.of(
        "-F", "/dev/null",
        "-o", "ConnectionAttempts=3",
        "-o", "ConnectTimeout=10",
        "-o", "ControlMaster=no",
        "-o", "ControlPath=none",
        "-o", pinned ? "LogLevel=error" : "LogLevel=quiet",
        "-o", "PasswordAuthentication=no",
        "-o", "ServerAliveInterval=60"));
    args.addAll(hostKeyOptions(pinned ? target.knownHostsFile() : null));
    args.add(target.user() + "@" + target.host());
    if (target.hasKey()) {
      KeyPermissions.check(Path.of(target.keyPath()));
      args.addAll(List.of("-o", "IdentitiesOnly=yes", "-i", target.keyPath()));
    }
    args.add("-p");
    args.add(Integer.toString(target.port()));
    args.addAll(remoteArgs);
    return args;
  }

  /** True when the target has a known_hosts file that pins its host and port. */
  public static boolean isPinned(SshTarget target) {
    return target.knownHostsFile() != null
        && new KnownHosts(target.knownHostsFile()).pins(target.host(), target.port());
  }

  /**
   * {@code -o StrictHostKeyChecking=yes -o UserKnownHostsFile=<file>} for a pinned file (quoted
   * for ssh's parser when the store path has spaces), else
   * Docker Machine's {@code -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null}.
   */
  static List<String> hostKeyOptions(Path pinnedFile) {
    if (pinnedFile == null) {
      return List.of("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null");
    }
    return List.of("-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + SshOptionValue.of(pinnedFile.toString()));
  }
}
