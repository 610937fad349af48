package dev.machine.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree exactly as Go's {@code json.MarshalIndent(v, "", "    ")} does, which is how
 * Docker Machine writes {@code config.json} (and prints {@code inspect}): four-space indent,
 * {@code "Key": value}, one array element per line, empty containers as {@code []}/{@code {}},
 * no trailing newline, Go's HTML-safe string escaping and Go's float formatting.
 *
 * <p>Jackson's own pretty printer differs in small ways ({@code [ ]}, {@code 0.0}, upper-case
 * upper-case hex escapes, no HTML escaping), and byte-identical files are the point, so this walks the tree.
 */
public final class GoJson {
  private static final String INDENT = "    ";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  /** The UTF-8 bytes Go's {@code MarshalIndent} would produce for this tree. */
  public static byte[] marshalIndent(JsonNode node) {
    return toIndentedString(node).getBytes(StandardCharsets.UTF_8);
  }

  /** As {@link #marshalIndent}, as a string. */
  public static String toIndentedString(JsonNode node) {
    StringBuilder out = new StringBuilder(2048);
    write(out, node, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, JsonNode node, int depth) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      writeObject(out, node, depth);
    } else if (node.isArray()) {
      writeArray(out, node, depth);
    } else if (node.isTextual()) {
      quote(out, node.textValue());
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.append(formatFloat(node.doubleValue()));
    } else if (node.isBinary()) {
      quote(out, node.asText()); // base64, as Go writes []byte
    } else {
      quote(out, node.asText());
    }
  }

  private static void writeObject(StringBuilder out, JsonNode node, int depth) {
    if (node.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      newline(out, depth + 1);
      quote(out, field.getKey());
      out.append(": ");
      write(out, field.getValue(), depth + 1);
      if (fields.hasNext()) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append('}');
  }

  private static void writeArray(StringBuilder out, JsonNode node, int depth) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < node.size(); i++) {
      newline(out, depth + 1);
      write(out, node.get(i), depth + 1);
      if (i < node.size() - 1) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append(INDENT);
    }
  }

  /**
   * Go's string encoding (Go 1.12, which built Docker Machine 0.16): {@code \"}, {@code \\},
   * {@code \n}, {@code \r}, {@code \t}; other control characters, {@code <}, {@code >},
   * {@code &}, U+2028 and U+2029 as lower-case hex escapes; everything else as is.
   */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Go's float64 encoding: the shortest decimal that reads back as the same value, without an
   * exponent for 1e-6 &lt;= |f| &lt; 1e21 ({@code 0}, not {@code 0.0}), otherwise like
   * {@code 1e+21} or {@code 1.5e-7}.
   */
  static String formatFloat(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new IllegalArgumentException("json: unsupported value: " + f);
    }
    if (f == 0) {
      return 1 / f < 0 ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(f)).stripTrailingZeros();
    double abs = Math.abs(f);
    if (abs >= 1e-6 && abs < 1e21) {
      return exact.toPlainString();
    }
    String digits = exact.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - exact.scale();
    StringBuilder out = new StringBuilder();
    if (f < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int e = Math.abs(exponent);
    // Go prints at least two exponent digits, then trims "e-07" to "e-7" (but keeps "e+21").
    if (e < 10 && exponent > 0) {
      out.append('0');
    }
    out.append(e);
    return out.toString();
  }
}
