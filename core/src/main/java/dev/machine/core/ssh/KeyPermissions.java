package dev.machine.core.ssh;

import dev.machine.core.MachineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** The private-key checks Docker Machine makes before running the external {@code ssh}. */
public final class KeyPermissions {
  private KeyPermissions() {}

  /**
   * Fails unless {@code key} exists, is owner-readable and has no group/other bits, with Docker
   * Machine's messages: {@code '<path>' is not readable}, {@code permissions 0644 for '<path>' are
   * too open}, {@code stat <path>: no such file or directory}.
   */
  public static void check(Path key) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(key);
    } catch (NoSuchFileException e) {
      throw new MachineException("stat " + key + ": no such file or directory", e);
    } catch (IOException e) {
      throw new MachineException("stat " + key + ": " + e.getMessage(), e);
    }
    int mode = toMode(permissions);
    if ((mode & 0400) == 0) {
      throw new MachineException("'" + key + "' is not readable");
    }
    if ((mode & 0077) != 0) {
      // Go's %#o: a leading 0 (0644, 0604).
      throw new MachineException("permissions 0" + Integer.toOctalString(mode) + " for '" + key + "' are too open");
    }
  }

  static int toMode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      mode |= 1 << (8 - p.ordinal()); // OWNER_READ is ordinal 0 = 0400, ... OTHERS_EXECUTE = 01
    }
    return mode;
  }
}
