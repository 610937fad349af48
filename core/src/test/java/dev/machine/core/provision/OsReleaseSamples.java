package dev.machine.core.provision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real {@code /etc/os-release} files, from {@code src/test/resources/os-release}. */
final class OsReleaseSamples {
  private OsReleaseSamples() {}

  static String text(String name) {
    try (InputStream in = OsReleaseSamples.class.getResourceAsStream("/os-release/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no os-release sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OsRelease parsed(String name) {
    return OsRelease.parse(text(name));
  }
}
