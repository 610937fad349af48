package dev.machine.core.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Go's sorted map iteration (fmt, range): numbers by value, strings byte-wise, others by text. */
final class MapKeys {
  private MapKeys() {}

  static <K, V> List<Map.Entry<K, V>> sorted(Map<K, V> map) {
    List<Map.Entry<K, V>> entries = new ArrayList<>(map.entrySet());
    entries.sort(Comparator.comparing(Map.Entry::getKey, MapKeys::compareKeys));
    return entries;
  }

  private static int compareKeys(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.toString().compareTo(b.toString());
  }
}
