package dev.machine.core.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A machine's pinned SSH host keys, in OpenSSH {@code known_hosts} format ({@code host key-type
 * base64}, with {@code [host]:port} for a port other than 22), so that both the native client and
 * the external {@code ssh} ({@code -o UserKnownHostsFile=...}) honour the same pin.
 */
public final class KnownHosts {
  /** The outcome of checking a server's key against the file. */
  public enum Verdict {
    /** The file holds this very key for the host. */
    MATCH,
    /** The file holds no key for the host (first contact). */
    UNKNOWN,
    /** The file holds a different key for the host. */
    CHANGED
  }

  private final Path file;

  public KnownHosts(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** The host field OpenSSH uses: {@code host} for port 22, else {@code [host]:port}. */
  public static String hostPattern(String host, int port) {
    return port == 22 ? host : "[" + host + "]:" + port;
  }

  /** True when the file exists and pins at least one key for {@code host:port}. */
  public boolean pins(String host, int port) {
    return !keyTypes(host, port).isEmpty();
  }

  /** The key types pinned for {@code host:port} (e.g. {@code ssh-ed25519}), in file order. */
  public List<String> keyTypes(String host, int port) {
    List<String> types = new ArrayList<>();
    for (Entry entry : entries(host, port)) {
      types.add(entry.type());
    }
    return types;
  }

  /** Checks {@code key} against the keys pinned for {@code host:port}. */
  public Verdict check(String host, int port, PublicKey key) {
    List<Entry> entries = entries(host, port);
    if (entries.isEmpty()) {
      return Verdict.UNKNOWN;
    }
    byte[] blob = SshKeys.blob(key);
    for (Entry entry : entries) {
      if (Arrays.equals(entry.blob(), blob)) {
        return Verdict.MATCH;
      }
    }
    return Verdict.CHANGED;
  }

  /** Appends {@code key} for {@code host:port}, creating the file (and its directory) if needed. */
  public void record(String host, int port, PublicKey key) {
    String line = hostPattern(host, port) + " " + SshKeys.authorizedKeysLine(key) + "\n";
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // Two commands may meet a new machine at the same moment: the lock keeps lines whole.
      try (FileChannel channel =
              FileChannel.open(
                  file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
          FileLock ignored = channel.lock()) {
        channel.write(StandardCharsets.UTF_8.encode(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@code SHA256:<base64>} as {@code ssh-keygen -l} prints it. */
  public static String fingerprint(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(SshKeys.blob(key));
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Entry(String type, byte[] blob) {}

  private List<Entry> entries(String host, int port) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String wanted = hostPattern(host, port).toLowerCase(Locale.ROOT);
    List<Entry> entries = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      // Comments, markers (@cert-authority, @revoked) and hashed names are not ours to judge.
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("@") || line.startsWith("|")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length < 3 || !matches(fields[0], wanted)) {
        continue;
      }
      try {
        entries.add(new Entry(fields[1], Base64.getDecoder().decode(fields[2])));
      } catch (IllegalArgumentException e) {
        // A corrupt line never matches a key; with no valid line the host counts as unknown.
      }
    }
    return entries;
  }

  private static boolean matches(String hostField, String wanted) {
    for (String name : hostField.split(",")) {
      if (name.toLowerCase(Locale.ROOT).equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
