package dev.machine.core.store;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.machine.core.MachineException;
import dev.machine.core.golang.GoJson;
import dev.machine.core.host.Host;
import dev.machine.core.host.HostOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Converts a {@link Host} to and from the bytes of Docker Machine's {@code config.json}.
 *
 * <p>Writing gives exactly what Docker Machine writes ({@link GoJson}): keys in the records'
 * order, the driver's object verbatim, {@code ConfigVersion} 3, no trailing newline. A null
 * string field is written as {@code ""} (Go has no null strings); a null list as {@code null}.
 *
 * <p>Reading follows Go's {@code encoding/json}: keys match case-insensitively, unknown keys are
 * ignored, missing strings read as "", missing lists as null. Old versions are migrated (§3.3).
 */
public final class HostJson {
  private final ObjectMapper mapper;

  public HostJson() {
    SimpleModule goStrings = new SimpleModule();
    goStrings.setSerializerModifier(new NullStringsAsEmpty());
    this.mapper =
        JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .withConfigOverride(String.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .addModule(goStrings)
            .build();
  }

  /** The config.json bytes for {@code host}, exactly as Docker Machine would write them. */
  public byte[] write(Host host) {
    return GoJson.marshalIndent(toTree(host), "    ").getBytes(StandardCharsets.UTF_8);
  }

  /** The config.json tree for {@code host}. */
  public ObjectNode toTree(Host host) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("ConfigVersion", Host.CONFIG_VERSION);
    root.set("Driver", host.driver().writeConfig());
    root.put("DriverName", host.driverName());
    root.set("HostOptions", mapper.valueToTree(host.hostOptions()));
    root.put("Name", host.name());
    return root;
  }

  /**
   * Parses config.json, migrating versions 0 to 2 (§3.3).
   *
   * @param storeRoot the store's root, used for migrated paths when the file does not record one
   * @throws MachineException with the reason (without Docker Machine's
   *     {@code Error getting migrated host: } prefix, which {@link FileStore} adds)
   */
  public StoredHost read(byte[] bytes, Path storeRoot) {
    JsonNode parsed = parse(bytes);
    if (!parsed.isObject()) {
      throw new MachineException("config.json does not hold a JSON object");
    }
    ConfigMigration.Result migrated = ConfigMigration.toCurrent((ObjectNode) parsed, storeRoot);
    ObjectNode v3 = migrated.config();
    JsonNode driver = Json.field(v3, "Driver");
    JsonNode options = Json.field(v3, "HostOptions");
    return new StoredHost(
        Json.text(v3, "DriverName"),
        driver != null && driver.isObject() ? (ObjectNode) driver : JsonNodeFactory.instance.objectNode(),
        bindOptions(options),
        migrated.migrated());
  }

  /** The config version recorded in {@code bytes} (0 when absent). */
  int version(byte[] bytes) {
    JsonNode parsed = parse(bytes);
    if (!parsed.isObject()) {
      throw new MachineException("config.json does not hold a JSON object");
    }
    return ConfigMigration.version((ObjectNode) parsed);
  }

  private HostOptions bindOptions(JsonNode options) {
    if (options == null || !options.isObject()) {
      return new HostOptions("", 0, 0, null, null, null);
    }
    try {
      return mapper.treeToValue(options, HostOptions.class);
    } catch (JsonProcessingException e) {
      throw new MachineException("cannot read HostOptions: " + oneLine(e.getOriginalMessage()), e);
    }
  }

  private JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = mapper.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new MachineException("unexpected end of JSON input");
      }
      return node;
    } catch (JsonEOFException e) {
      throw new MachineException("unexpected end of JSON input", e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new MachineException("invalid JSON" + where + ": " + oneLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new MachineException(e.getMessage(), e);
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** Go writes a string field that was never set as "", never as null. */
  private static final class NullStringsAsEmpty extends BeanSerializerModifier {
    private static final JsonSerializer<Object> EMPTY_STRING =
        new JsonSerializer<>() {
          @Override
          public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString("");
          }
        };

    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
      for (BeanPropertyWriter property : properties) {
        if (property.getType().hasRawClass(String.class)) {
          property.assignNullSerializer(EMPTY_STRING);
        }
      }
      return properties;
    }
  }
}
