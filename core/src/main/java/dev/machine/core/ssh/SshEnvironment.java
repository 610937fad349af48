package dev.machine.core.ssh;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the user's own SSH credentials are: the home directory (for {@code ~/.ssh/id_*}) and the
 * agent socket. Used when a target has no machine key, and the agent also for a machine key
 * protected by a passphrase.
 *
 * @param home the user's home directory
 * @param agentSocket the agent's Unix socket ({@code SSH_AUTH_SOCK}), or {@code null} for none
 */
public record SshEnvironment(Path home, Path agentSocket) {
  /** The key files OpenSSH tries by default, in its order. */
  public static final List<String> DEFAULT_KEY_NAMES = List.of("id_rsa", "id_ecdsa", "id_ed25519");

  /** The current user's: {@code user.home} and {@code $SSH_AUTH_SOCK}. */
  public static SshEnvironment system() {
    String sock = System.getenv("SSH_AUTH_SOCK");
    return new SshEnvironment(
        Path.of(System.getProperty("user.home")),
        sock == null || sock.isEmpty() ? null : Path.of(sock));
  }

  /** {@code ~/.ssh/id_rsa}, {@code id_ecdsa}, {@code id_ed25519}, whether they exist or not. */
  public List<Path> defaultKeys() {
    return DEFAULT_KEY_NAMES.stream().map(name -> home.resolve(".ssh").resolve(name)).toList();
  }
}
