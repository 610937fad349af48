package dev.machine.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import java.util.Iterator;
import java.util.Map;

/** Field access on JSON trees with Go's {@code encoding/json} rules. */
final class Json {
  private Json() {}

  /**
   * The value of {@code name}, matched case-insensitively as Go does; when several keys match,
   * the last one wins (Go assigns each in turn). Null when absent.
   */
  static JsonNode field(ObjectNode object, String name) {
    JsonNode found = null;
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        found = field.getValue();
      }
    }
    return found;
  }

  /** A string field; "" when absent or null. */
  static String text(ObjectNode object, String name) {
    JsonNode value = field(object, name);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new MachineException("cannot read " + name + ": expected a string, found " + value);
    }
    return value.textValue();
  }

  /** A boolean field; false when absent or null. */
  static boolean bool(ObjectNode object, String name) {
    JsonNode value = field(object, name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new MachineException("cannot read " + name + ": expected true or false, found " + value);
    }
    return value.booleanValue();
  }

  /** An integer field; 0 when absent or null. */
  static int integer(ObjectNode object, String name) {
    JsonNode value = field(object, name);
    if (value == null || value.isNull()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new MachineException("cannot read " + name + ": expected an integer, found " + value);
    }
    return value.intValue();
  }

  /** An object field; null when absent, null or not an object. */
  static ObjectNode object(ObjectNode object, String name) {
    JsonNode value = field(object, name);
    return value != null && value.isObject() ? (ObjectNode) value : null;
  }
}
