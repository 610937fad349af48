package dev.machine.drivers.amazonec2;

import dev.machine.core.Progress;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --amazonec2-tags} value {@code k1,v1,k2,v2} as ordered pairs. */
final class Tags {
  private Tags() {}

  /**
   * {@code Name=<machine>} followed by the given pairs. An odd count warns as Docker Machine does and
   * drops the last, unpaired element.
   */
  static Map<String, String> forMachine(String machineName, String tags, Progress progress) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Name", machineName);
    if (tags == null || tags.isEmpty()) {
      return out;
    }
    String[] parts = tags.split(",", -1);
    if (parts.length % 2 != 0) {
      progress.warn("Tags are not key value in pairs. " + parts.length + " elements found");
    }
    for (int i = 0; i + 1 < parts.length; i += 2) {
      out.put(parts[i], parts[i + 1]);
    }
    return out;
  }
}
