package dev.machine.core.provision;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identifying fields of a host's {@code /etc/os-release}, parsed as Docker Machine does:
 * {@code KEY=VALUE} lines, surrounding double quotes stripped, lines that do not split into a key
 * and a value skipped.
 */
public record OsRelease(
    String id,
    List<String> idLike,
    String name,
    String prettyName,
    String version,
    String versionId,
    String variantId) {

  public OsRelease {
    idLike = List.copyOf(idLike);
  }

  /** Parses the content of {@code /etc/os-release}; unknown keys and malformed lines are ignored. */
  public static OsRelease parse(String content) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : content.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("=", -1);
      // Docker Machine skips every line that is not exactly KEY=VALUE (one '=').
      if (parts.length != 2 || parts[0].isEmpty()) {
        continue;
      }
      fields.put(parts[0], unquote(parts[1]));
    }
    String idLike = fields.getOrDefault("ID_LIKE", "").strip();
    return new OsRelease(
        fields.getOrDefault("ID", ""),
        idLike.isEmpty() ? List.of() : Arrays.asList(idLike.split("\\s+")),
        fields.getOrDefault("NAME", ""),
        fields.getOrDefault("PRETTY_NAME", ""),
        fields.getOrDefault("VERSION", ""),
        fields.getOrDefault("VERSION_ID", ""),
        fields.getOrDefault("VARIANT_ID", ""));
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** True when {@code ID} or one of {@code ID_LIKE} is {@code candidate}. */
  public boolean isLike(String candidate) {
    return id.equals(candidate) || idLike.contains(candidate);
  }

  /** A human name for messages: PRETTY_NAME, else NAME, else ID. */
  public String displayName() {
    if (!prettyName.isEmpty()) {
      return prettyName;
    }
    if (!name.isEmpty()) {
      return version.isEmpty() ? name : name + " " + version;
    }
    return id.isEmpty() ? "unknown OS" : id;
  }

  /** The leading numbers of VERSION_ID ({@code 15.04} → [15, 4]); empty when it has none. */
  public int[] versionNumbers() {
    String[] parts = versionId.split("\\.");
    int[] out = new int[parts.length];
    int n = 0;
    for (String p : parts) {
      String digits = p.replaceFirst("^(\\d+).*$", "$1");
      if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) {
        break;
      }
      out[n++] = Integer.parseInt(digits);
    }
    return Arrays.copyOf(out, n);
  }

  /** Compares VERSION_ID with {@code major.minor}: negative, zero or positive. */
  public int compareVersion(int major, int minor) {
    int[] v = versionNumbers();
    int vMajor = v.length > 0 ? v[0] : 0;
    int vMinor = v.length > 1 ? v[1] : 0;
    return vMajor != major ? Integer.compare(vMajor, major) : Integer.compare(vMinor, minor);
  }
}
