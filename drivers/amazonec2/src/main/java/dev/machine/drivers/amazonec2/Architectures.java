package dev.machine.drivers.amazonec2;

import java.util.regex.Pattern;

/** The CPU architecture of an instance type, as EC2 names it ({@code x86_64} or {@code arm64}). */
final class Architectures {
  static final String X86_64 = "x86_64";
  static final String ARM64 = "arm64";

  /**
   * Graviton families: a1, and families whose generation digit is followed by {@code g}
   * (t4g, m6g, m6gd, c6gn, c7g, r8g, x2gd, im4gn, is4gen, g5g, hpc7g...).
   */
  private static final Pattern GRAVITON = Pattern.compile("a1|[a-z]+\\d+g[a-z]*");

  private Architectures() {}

  static String ofInstanceType(String instanceType) {
    String family = instanceType == null ? "" : instanceType.toLowerCase();
    int dot = family.indexOf('.');
    if (dot >= 0) {
      family = family.substring(0, dot);
    }
    return GRAVITON.matcher(family).matches() ? ARM64 : X86_64;
  }
}
