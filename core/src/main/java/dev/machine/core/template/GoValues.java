package dev.machine.core.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How Java values stand for Go values during execution. Data are maps, lists, strings, numbers,
 * booleans, null and plain Java objects (Go structs). Two markers complete the picture:
 * {@link #NO_VALUE} is Go's invalid value (a missing map key; prints {@code <no value>}) and
 * {@link NilPointer} a nil pointer from an object's accessor (prints {@code <nil>}). Java null is
 * a nil interface, such as a JSON null.
 */
final class GoValues {
  /** Go's invalid reflect.Value: the result of a missing map key or of nil data. */
  static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "<no value>";
    }
  };

  private GoValues() {}

  /** A nil pointer of Go type {@code typeName}, from a Java accessor that returned null. */
  record NilPointer(String typeName) {}

  /** What a function argument receives: Go passes nil for invalid values and nil pointers. */
  static Object toArgument(Object v) {
    return v == NO_VALUE || v instanceof NilPointer ? null : v;
  }

  static boolean isInteger(Object v) {
    return v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte
        || (v instanceof BigInteger b && b.bitLength() < 64);
  }

  static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal || v instanceof BigInteger;
  }

  static boolean isList(Object v) {
    return v instanceof Collection<?> || (v != null && v.getClass().isArray());
  }

  /** A list-like value (Collection or array) as a List. */
  static List<?> asList(Object v) {
    if (v instanceof List<?> list) {
      return list;
    }
    if (v instanceof Collection<?> c) {
      return List.copyOf(c);
    }
    int n = java.lang.reflect.Array.getLength(v);
    Object[] items = new Object[n];
    for (int i = 0; i < n; i++) {
      items[i] = java.lang.reflect.Array.get(v, i);
    }
    return java.util.Arrays.asList(items);
  }

  /** Go's truth: false, 0, nil and empty strings, lists and maps are false; structs are true. */
  static boolean isTrue(Object v) {
    if (v == null || v == NO_VALUE || v instanceof NilPointer) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (isList(v)) {
      return !asList(v).isEmpty();
    }
    if (v instanceof Number n) {
      return isFloat(v) ? n.doubleValue() != 0 : n.longValue() != 0;
    }
    if (v instanceof Character c) {
      return c != 0;
    }
    return true;
  }

  /** The Go type name of a value, for %T and error messages. */
  static String typeName(Object v) {
    if (v == null || v == NO_VALUE) {
      return "<nil>";
    }
    if (v instanceof NilPointer p) {
      return p.typeName();
    }
    if (v instanceof GoNamedType named) {
      return named.goTypeName();
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Float) {
      return "float32";
    }
    if (isInteger(v)) {
      return "int";
    }
    if (isFloat(v)) {
      return "float64";
    }
    if (v instanceof Character) {
      return "int32";
    }
    if (v instanceof Map<?, ?>) {
      return "map[string]interface {}";
    }
    if (isList(v)) {
      return "[]interface {}";
    }
    if (v instanceof java.time.Duration) {
      return "time.Duration";
    }
    return v.getClass().getSimpleName();
  }
}
