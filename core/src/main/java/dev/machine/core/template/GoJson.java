package dev.machine.core.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.machine.core.template.GoValues.NilPointer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Go's encoding/json Marshal and MarshalIndent for template values: map keys sorted, HTML
 * characters escaped ({@code \u003c}), floats in Go's format ({@code 1e+21}, {@code 0.000001}),
 * compact or indented. Java objects (Go structs) are first turned into a tree by Jackson, so their
 * {@code @JsonProperty} names and order apply.
 */
final class GoJson {
  private final StringBuilder out = new StringBuilder();
  private final String indent;

  private GoJson(String indent) {
    this.indent = indent;
  }

  /** Thrown for values JSON cannot hold (NaN, infinities), as Go's UnsupportedValueError. */
  static final class UnsupportedValueException extends RuntimeException {
    UnsupportedValueException(String message) {
      super(message);
    }
  }

  /** json.Marshal(v). */
  static String marshal(Object v) {
    GoJson json = new GoJson(null);
    json.encode(v, 0, true);
    return json.out.toString();
  }

  /** json.MarshalIndent(v, "", indent). */
  static String marshalIndent(Object v, String indent) {
    GoJson json = new GoJson(indent);
    json.encode(v, 0, true);
    return json.out.toString();
  }

  private void encode(Object v, int level, boolean sortKeys) {
    if (v == null || v == GoValues.NO_VALUE || v instanceof NilPointer) {
      out.append("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Boolean b) {
      out.append(b);
    } else if (GoValues.isInteger(v)) {
      out.append(((Number) v).longValue());
    } else if (v instanceof java.math.BigInteger big) {
      out.append(big);
    } else if (v instanceof Float f) {
      number(f, true);
    } else if (v instanceof Double || v instanceof BigDecimal) {
      number(((Number) v).doubleValue(), false);
    } else if (v instanceof Character c) {
      out.append((int) c);
    } else if (v instanceof java.time.Duration d) {
      out.append(d.toNanos());
    } else if (v instanceof Map<?, ?> map) {
      object(map, level, sortKeys);
    } else if (GoValues.isList(v)) {
      array(GoValues.asList(v), level, sortKeys);
    } else {
      // A struct: its fields in declaration order, as Jackson sees them.
      encode(structTree(v), level, false);
    }
  }

  private static Object structTree(Object v) {
    ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    try {
      return mapper.convertValue(v, Object.class);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedValueException("json: unsupported type: " + GoValues.typeName(v));
    }
  }

  private void object(Map<?, ?> map, int level, boolean sortKeys) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    Iterable<? extends Map.Entry<?, ?>> entries = sortKeys ? MapKeys.sorted(map) : map.entrySet();
    for (Map.Entry<?, ?> e : entries) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(level + 1);
      string(String.valueOf(e.getKey()));
      out.append(indent == null ? ":" : ": ");
      encode(e.getValue(), level + 1, sortKeys);
    }
    newline(level);
    out.append('}');
  }

  private void array(List<?> list, int level, boolean sortKeys) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newline(level + 1);
      encode(list.get(i), level + 1, sortKeys);
    }
    newline(level);
    out.append(']');
  }

  private void newline(int level) {
    if (indent != null) {
      out.append('\n').append(indent.repeat(level));
    }
  }

  private void number(double f, boolean isFloat32) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new UnsupportedValueException("json: unsupported value: " + GoFloats.format(f, 'g', -1, isFloat32));
    }
    double abs = Math.abs(f);
    boolean exponent =
        abs != 0 && (isFloat32 ? abs < 1e-6f || abs >= 1e21f : abs < 1e-6 || abs >= 1e21);
    String s = GoFloats.format(f, exponent ? 'e' : 'f', -1, isFloat32);
    if (exponent) {
      // Go writes e-7, not e-07.
      s = s.replaceFirst("e([-+])0(\\d)$", "e$1$2");
    }
    out.append(s);
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              out.append(c).append(s.charAt(++i));
            } else {
              out.append("\\ufffd");
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
