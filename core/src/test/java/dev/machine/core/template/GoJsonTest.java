package dev.machine.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's json.Marshal / MarshalIndent output. */
class GoJsonTest {
  @ParameterizedTest(name = "{1}")
  @MethodSource
  void marshalsAsGo(Object value, String expected) {
    assertThat(GoJson.marshal(value)).isEqualTo(expected);
  }

  static Stream<Arguments> marshalsAsGo() {
    Map<String, Object> unsorted = new LinkedHashMap<>();
    unsorted.put("z", 1);
    unsorted.put("a", Arrays.asList(null, true));
    return Stream.of(
        Arguments.of(unsorted, "{\"a\":[null,true],\"z\":1}"),
        Arguments.of("<&>\u2028\"\\\n\r\t\u0001\u0008", "\"\\u003c\\u0026\\u003e\\u2028\\\"\\\\\\n\\r\\t\\u0001\\u0008\""),
        Arguments.of("é😀", "\"é😀\""),
        Arguments.of(List.of(1.0, 2.5, 1e20, 1e21, 1e-6, 1e-7, -0.0, 123456789.0), "[1,2.5,100000000000000000000,1e+21,0.000001,1e-7,-0,123456789]"),
        Arguments.of(List.of(Long.MAX_VALUE), "[9223372036854775807]"),
        Arguments.of(Map.of(), "{}"),
        Arguments.of(List.of(), "[]"));
  }

  @Test
  void indentsAsMarshalIndent() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("b", List.of(1, Map.of()));
    v.put("a", Map.of("x", List.of()));
    assertThat(GoJson.marshalIndent(v, "    "))
        .isEqualTo(
            "{\n    \"a\": {\n        \"x\": []\n    },\n    \"b\": [\n        1,\n        {}\n    ]\n}");
  }

  @Test
  void refusesNaNAsGoDoes() {
    assertThatThrownBy(() -> GoJson.marshal(List.of(Double.NaN))).isInstanceOf(GoJson.UnsupportedValueException.class);
    assertThat(Template.parse("t", "[{{json .}}]").execute(List.of(Double.NaN))).isEqualTo("[]");
  }
}
