package dev.machine.core.host;

import dev.machine.core.MachineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Copies the store's CA and client certificate into a machine's directory, where {@code env} and
 * {@code config} point the docker client ({@code DOCKER_CERT_PATH}). Provisioning does this for
 * machines with SSH; the lifecycle does it for {@code none} machines.
 */
public final class MachineCertificates {
  private MachineCertificates() {}

  public static void copyToMachineDir(AuthOptions auth) {
    Path dir = Path.of(auth.storePath());
    copy(Path.of(auth.caCertPath()), dir.resolve("ca.pem"), false);
    copy(Path.of(auth.clientCertPath()), dir.resolve("cert.pem"), false);
    copy(Path.of(auth.clientKeyPath()), dir.resolve("key.pem"), true);
  }

  private static void copy(Path from, Path to, boolean secret) {
    try {
      Files.createDirectories(to.getParent());
      // Copy to a temporary name and rename, so a concurrent reader never sees half a file.
      Path tmp = Files.createTempFile(to.getParent(), "." + to.getFileName(), ".tmp");
      try {
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        if (secret) {
          restrict(tmp);
        }
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new MachineException(
          "Copying " + to.getFileName() + " to machine dir failed: " + e.getMessage(), e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the directory's ACLs apply.
    }
  }
}
