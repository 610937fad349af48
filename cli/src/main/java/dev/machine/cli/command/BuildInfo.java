package dev.machine.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made from ({@code version.properties}, written by Maven). */
public final class BuildInfo {
  private BuildInfo() {}

  /** {@code <version>, build <commit>}, as Docker Machine's {@code FullVersion}. */
  public static String fullVersion() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/machine/cli/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Fall through to the defaults: a version line is never worth failing for.
    }
    String version = p.getProperty("version", "dev");
    String commit = p.getProperty("commit", "");
    if (commit.isEmpty() || commit.startsWith("${")) {
      commit = "HEAD";
    }
    return version + ", build " + commit;
  }
}
