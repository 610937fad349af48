package dev.machine.core.ssh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to reach a machine over SSH.
 *
 * @param host the SSH host name or address ({@code Driver.sshHostname()})
 * @param port the SSH port
 * @param user the SSH user
 * @param keyPath the private key file; {@code ""} means "no machine key": use the user's agent
 *     ({@code SSH_AUTH_SOCK}) and default keys ({@code ~/.ssh/id_rsa}, {@code id_ecdsa}, {@code
 *     id_ed25519}), as Docker Machine does for a {@code generic} machine created without a key
 * @param knownHostsFile the machine's own pinned host-key file (OpenSSH {@code known_hosts}
 *     format, e.g. {@code <machineDir>/known_hosts}); the server's key is recorded there on first
 *     contact and must match afterwards. {@code null} disables pinning (Docker Machine's behaviour).
 */
public record SshTarget(String host, int port, String user, String keyPath, Path knownHostsFile) {
  public SshTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    keyPath = keyPath == null ? "" : keyPath;
  }

  /** True when a machine key is set ({@link #keyPath()} is not empty). */
  public boolean hasKey() {
    return !keyPath.isEmpty();
  }

  /** {@code user@host:port}, for messages. */
  public String display() {
    return user + "@" + host + ":" + port;
  }

  /** This target with another pinned host-key file ({@code null} to disable pinning). */
  public SshTarget withKnownHostsFile(Path file) {
    return new SshTarget(host, port, user, keyPath, file);
  }
}
