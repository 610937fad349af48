package dev.machine.core.host;

import dev.machine.core.MachineException;
import dev.machine.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    copy(Path.of(auth.caCertPath()), dir.resolve("ca.pem"), AtomicFiles.PUBLIC);
    copy(Path.of(auth.clientCertPath()), dir.resolve("cert.pem"), AtomicFiles.PUBLIC);
    copy(Path.of(auth.clientKeyPath()), dir.resolve("key.pem"), AtomicFiles.PRIVATE);
  }

  private static void copy(Path from, Path to, Set<PosixFilePermission> mode) {
    try {
      AtomicFiles.createPrivateDirectories(to.getParent());
      AtomicFiles.write(to, Files.readAllBytes(from), mode);
    } catch (IOException e) {
      throw new MachineException(
          "Copying " + to.getFileName() + " to machine dir failed: " + e.getMessage(), e);
    }
  }
}
