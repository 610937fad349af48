package dev.machine.core.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-level rules of Go 1.12's json.Marshal and json.MarshalIndent(v, "", indent). */
class GoJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void marshalsAsGo(Object value, String expected) {
    assertThat(GoJson.marshal(value)).isEqualTo(expected);
  }

  static Stream<Arguments> marshalsAsGo() {
    Map<Object, Object> unsorted = new LinkedHashMap<>();
    unsorted.put("z", 1);
    unsorted.put("a", Arrays.asList(null, true));
    unsorted.put("B", null);
    return Stream.of(
        Arguments.of(unsorted, "{\"B\":null,\"a\":[null,true],\"z\":1}"),
        Arguments.of(Map.of(10, "x", 9, "y"), "{\"10\":\"x\",\"9\":\"y\"}"),
        Arguments.of("é😀", "\"é😀\""),
        Arguments.of("a\ud800b", "\"a\\ufffdb\""),
        Arguments.of(List.of(Long.MAX_VALUE, (short) -3, new java.math.BigInteger("12345678901234567890")),
            "[9223372036854775807,-3,12345678901234567890]"),
        Arguments.of(List.of(0.1f, 1.0e-7f), "[0.1,1e-7]"),
        Arguments.of(List.of('A', Duration.ofSeconds(2)), "[65,2000000000]"),
        Arguments.of(new int[] {1, 2}, "[1,2]"),
        Arguments.of(new byte[] {1, 2, 3}, "\"AQID\""),
        Arguments.of(Map.of(), "{}"),
        Arguments.of(List.of(), "[]"));
  }

  @Test
  void escapesStringsAsGoDoes() {
    assertThat(GoJson.marshal("<a href=\"x\">&</a>\\ \n\r\t \b\f \u0001 \u007f é \u2028\u2029 /"))
        .isEqualTo(
            "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\\\ \\n\\r\\t \\u0008\\u000c \\u0001 \u007f é"
                + " \\u2028\\u2029 /\"");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0.0, -0",
    "16, 16",
    "0.25, 0.25",
    "-2.5, -2.5",
    "0.1, 0.1",
    "123456789, 123456789",
    "123456.789, 123456.789",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "1.5e22, 1.5e+22",
    "0.000001, 0.000001",
    "1e-7, 1e-7",
    "1.25e-10, 1.25e-10",
    "1e23, 1e+23",
    "5e-324, 5e-324"
  })
  void formatsFloat64AsGoDoes(double value, String expected) {
    assertThat(GoJson.marshal(value)).isEqualTo(expected);
  }

  @Test
  void refusesNaNAndInfinitiesAsGoDoes() {
    assertThatThrownBy(() -> GoJson.marshal(List.of(Double.NaN)))
        .isInstanceOf(GoJson.UnsupportedValueException.class)
        .hasMessage("json: unsupported value: NaN");
    assertThatThrownBy(() -> GoJson.marshal(Float.NEGATIVE_INFINITY))
        .isInstanceOf(GoJson.UnsupportedValueException.class)
        .hasMessage("json: unsupported value: -Inf");
  }

  @Test
  void indentsFourSpacesExpandsArraysAndKeepsTreeOrderAndEmptyContainersCompact() throws Exception {
    ObjectNode tree =
        (ObjectNode) MAPPER.readTree("{\"b\":1,\"a\":[\"x\",{\"c\":true}],\"d\":[],\"e\":{},\"f\":null,\"g\":1.0}");

    assertThat(GoJson.marshalIndent(tree, "    "))
        .isEqualTo(
            "{\n"
                + "    \"b\": 1,\n"
                + "    \"a\": [\n"
                + "        \"x\",\n"
                + "        {\n"
                + "            \"c\": true\n"
                + "        }\n"
                + "    ],\n"
                + "    \"d\": [],\n"
                + "    \"e\": {},\n"
                + "    \"f\": null,\n"
                + "    \"g\": 1\n"
                + "}");
  }

  @Test
  void sortsGoMapsButNotStructsWhenIndenting() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", List.of(1, Map.of()));
    map.put("a", Map.of("x", List.of()));
    assertThat(GoJson.marshalIndent(map, "\t"))
        .isEqualTo("{\n\t\"a\": {\n\t\t\"x\": []\n\t},\n\t\"b\": [\n\t\t1,\n\t\t{}\n\t]\n}");
  }

  @JsonPropertyOrder({"Zone", "Count", "Ratio"})
  record Struct(@JsonProperty("Zone") String zone, @JsonProperty("Count") int count, @JsonProperty("Ratio") float ratio) {}

  @Test
  void writesJavaObjectsAsGoStructsInTheirJsonOrder() {
    assertThat(GoJson.marshal(List.of(new Struct("<z>", 2, 0.1f))))
        .isEqualTo("[{\"Zone\":\"\\u003cz\\u003e\",\"Count\":2,\"Ratio\":0.1}]");
  }

  @Test
  void writesTreeNumbersExactly() throws Exception {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("big", new java.math.BigInteger("12345678901234567890"));
    tree.put("f32", 0.1f);
    tree.put("f64", 1e21);
    tree.put("bin", new byte[] {1, 2, 3});
    assertThat(GoJson.marshal(tree)).isEqualTo("{\"big\":12345678901234567890,\"f32\":0.1,\"f64\":1e+21,\"bin\":\"AQID\"}");
  }
}
