package dev.machine.core.cert;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Renders file-system errors the way Go's {@code os} package does ({@code open /x/ca.pem: no such
 * file or directory}), because those texts reach users verbatim in Docker Machine's messages.
 */
public final class IoErrorText {
  private IoErrorText() {}

  /** {@code <op> <path>: <reason>} for file-system errors; the message otherwise. */
  public static String describe(String op, IOException e) {
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      return op + " " + fs.getFile() + ": " + reason(fs);
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static String reason(FileSystemException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "file exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    String r = e.getReason();
    return r == null ? e.getClass().getSimpleName() : r.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + r.substring(1);
  }
}
