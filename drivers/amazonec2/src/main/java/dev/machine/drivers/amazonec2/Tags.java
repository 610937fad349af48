package dev.machine.drivers.amazonec2;

import dev.machine.core.Progress;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tags of a machine's resources: its name, the {@code --amazonec2-tags} pairs and its creator tag. */
final class Tags {
  /**
   * The tag holding the machine's {@code Id} on everything a create makes, so that {@code rm} finds
   * a resource whose id was never saved (a user's {@code --amazonec2-tags} can change {@code Name},
   * never this).
   */
  static final String CREATOR = "docker-machine-id";

  private Tags() {}

  /**
   * {@code Name=<machine>}, then the {@code k1,v1,k2,v2} pairs of {@code tags} (which may replace
   * {@code Name}, as in Docker Machine), then {@link #CREATOR}{@code =<machineId>}. An odd count
   * warns as Docker Machine does and drops the last, unpaired element; a pair naming the creator tag
   * is ignored with a warning.
   */
  static Map<String, String> forMachine(String machineName, String machineId, String tags, Progress progress) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Name", machineName);
    String[] parts = tags == null || tags.isEmpty() ? new String[0] : tags.split(",", -1);
    if (parts.length % 2 != 0) {
      progress.warn("Tags are not key value in pairs. " + parts.length + " elements found");
    }
    for (int i = 0; i + 1 < parts.length; i += 2) {
      if (CREATOR.equals(parts[i])) {
        progress.warn("Tag " + CREATOR + " is set by the driver; ignoring " + CREATOR + "=" + parts[i + 1]);
      } else {
        out.put(parts[i], parts[i + 1]);
      }
    }
    out.put(CREATOR, machineId);
    return out;
  }
}
