package dev.machine.core.golang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code encoding/json} {@code Marshal} and {@code MarshalIndent(v, "", indent)}, byte for
 * byte as Go 1.12 (which built Docker Machine 0.16) writes them: {@code config.json}, {@code
 * inspect} and the templates' {@code json} function.
 *
 * <p>Values map to Go's types: a {@link JsonNode} object or a Java object is a Go struct (fields in
 * their order; Java objects go through Jackson, so {@code @JsonProperty} names and order apply); a
 * {@link Map} is a Go map (keys sorted); a {@link Collection} or array is a slice ({@code byte[]}
 * as base64); {@link Float} is float32, {@link Double} and {@link BigDecimal} float64; {@link
 * Character} a rune; {@link Duration} a {@code time.Duration} (nanoseconds).
 *
 * <p>Output: HTML-safe string escaping ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as
 * <code>&#92;u003c</code> and so on), other control characters as lower-case <code>&#92;u00XX</code>
 * except {@code \n \r \t}, lone surrogates as <code>&#92;ufffd</code>; floats in Go's shortest
 * form ({@code 1e+21}, {@code 0.000001}, {@code 1e-7}); indented output puts one element per line, {@code "Key": value}, empty containers as
 * {@code {}}/{@code []}, no trailing newline. Jackson's own printers differ in each of these.
 */
public final class GoJson {
  private final StringBuilder out = new StringBuilder(1024);
  private final String indent;
  private ObjectMapper structMapper;

  private GoJson(String indent) {
    this.indent = indent;
  }

  /** Go's {@code UnsupportedValueError}/{@code UnsupportedTypeError}: NaN, infinities, unencodable objects. */
  public static final class UnsupportedValueException extends RuntimeException {
    UnsupportedValueException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** {@code json.Marshal(v)}: compact. */
  public static String marshal(Object v) {
    return new GoJson(null).encode(v, 0).out.toString();
  }

  /** {@code json.MarshalIndent(v, "", indent)}. */
  public static String marshalIndent(Object v, String indent) {
    return new GoJson(indent).encode(v, 0).out.toString();
  }

  private GoJson encode(Object v, int level) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof JsonNode node) {
      node(node, level);
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Boolean b) {
      out.append(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
      out.append(v);
    } else if (v instanceof Float f) {
      number(f, true);
    } else if (v instanceof Double || v instanceof BigDecimal) {
      number(((Number) v).doubleValue(), false);
    } else if (v instanceof Character c) {
      out.append((int) c);
    } else if (v instanceof Duration d) {
      out.append(d.toNanos());
    } else if (v instanceof Map<?, ?> map) {
      map(map, level);
    } else if (v instanceof byte[] bytes) {
      string(Base64.getEncoder().encodeToString(bytes));
    } else if (v instanceof Collection<?> c) {
      array(c, level);
    } else if (v.getClass().isArray()) {
      array(arrayElements(v), level);
    } else {
      node(structTree(v), level);
    }
    return this;
  }

  private void node(JsonNode node, int level) {
    if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<Map.Entry<String, Object>> fields = new ArrayList<>(node.size());
      node.fields().forEachRemaining(f -> fields.add(new SimpleImmutableEntry<>(f.getKey(), f.getValue())));
      object(fields, level);
    } else if (node.isArray()) {
      array(node, level);
    } else if (node.isTextual()) {
      string(node.textValue());
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isFloat()) {
      number(node.floatValue(), true);
    } else if (node.isNumber()) {
      number(node.doubleValue(), false);
    } else {
      string(node.asText()); // binary: base64, as Go writes []byte
    }
  }

  private JsonNode structTree(Object v) {
    if (structMapper == null) {
      structMapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
    try {
      return structMapper.valueToTree(v);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedValueException("json: unsupported type: " + v.getClass().getSimpleName(), e);
    }
  }

  /** A Go map: keys as strings, sorted as Go sorts them (byte-wise in UTF-8, i.e. by code point). */
  private void map(Map<?, ?> map, int level) {
    List<Map.Entry<String, Object>> fields = new ArrayList<>(map.size());
    map.forEach((k, val) -> fields.add(new SimpleImmutableEntry<>(String.valueOf(k), val)));
    fields.sort(Map.Entry.comparingByKey((a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray())));
    object(fields, level);
  }

  private void object(List<Map.Entry<String, Object>> fields, int level) {
    if (fields.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newline(level + 1);
      string(fields.get(i).getKey());
      out.append(indent == null ? ":" : ": ");
      encode(fields.get(i).getValue(), level + 1);
    }
    newline(level);
    out.append('}');
  }

  private void array(Iterable<?> elements, int level) {
    if (!elements.iterator().hasNext()) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Object element : elements) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(level + 1);
      encode(element, level + 1);
    }
    newline(level);
    out.append(']');
  }

  private static List<Object> arrayElements(Object array) {
    int n = Array.getLength(array);
    List<Object> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(Array.get(array, i));
    }
    return items;
  }

  private void newline(int level) {
    if (indent != null) {
      out.append('\n').append(indent.repeat(level));
    }
  }

  /** Go's float encoding: 'f' form for 1e-6 &lt;= |f| &lt; 1e21, else 'e' form with e-7, not e-07. */
  private void number(double f, boolean isFloat32) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new UnsupportedValueException("json: unsupported value: " + GoFloats.format(f, 'g', -1, isFloat32), null);
    }
    double abs = Math.abs(f);
    boolean exponent = abs != 0 && (isFloat32 ? abs < 1e-6f || abs >= 1e21f : abs < 1e-6 || abs >= 1e21);
    String s = GoFloats.format(f, exponent ? 'e' : 'f', -1, isFloat32);
    if (exponent) {
      s = s.replaceFirst("e-0(\\d)$", "e-$1");
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
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(c);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append("\\ufffd"); // Go replaces invalid UTF-8 with U+FFFD
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void unicodeEscape(char c) {
    String hex = Integer.toHexString(c);
    out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
  }
}
