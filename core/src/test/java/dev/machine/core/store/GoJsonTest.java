package dev.machine.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte-level rules of Go's json.MarshalIndent(v, "", "    "). */
class GoJsonTest {
  @Test
  void indentsFourSpacesExpandsArraysAndKeepsEmptyContainersCompact() throws Exception {
    ObjectNode tree =
        (ObjectNode) new ObjectMapper().readTree("{\"a\":1,\"b\":[\"x\",{\"c\":true}],\"d\":[],\"e\":{},\"f\":null}");

    assertThat(GoJson.toIndentedString(tree))
        .isEqualTo(
            "{\n"
                + "    \"a\": 1,\n"
                + "    \"b\": [\n"
                + "        \"x\",\n"
                + "        {\n"
                + "            \"c\": true\n"
                + "        }\n"
                + "    ],\n"
                + "    \"d\": [],\n"
                + "    \"e\": {},\n"
                + "    \"f\": null\n"
                + "}");
  }

  @Test
  void escapesStringsAsGoDoes() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("s", "<a href=\"x\">&</a>\\ \n\r\t \b\f \u0001 \u007f é \u2028\u2029 /");

    assertThat(GoJson.toIndentedString(tree))
        .isEqualTo(
            "{\n    \"s\": \"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\\\ \\n\\r\\t \\u0008\\u000c \\u0001 \u007f é \\u2028\\u2029 /\"\n}");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0.0, -0",
    "1, 1",
    "16, 16",
    "0.25, 0.25",
    "-2.5, -2.5",
    "0.1, 0.1",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "1.5e22, 1.5e+22",
    "0.000001, 0.000001",
    "1e-7, 1e-7",
    "1.25e-10, 1.25e-10",
    "123456.789, 123456.789"
  })
  void formatsFloatsAsGoDoes(double value, String expected) {
    assertThat(GoJson.formatFloat(value)).isEqualTo(expected);
  }

  @Test
  void writesLargeIntegersExactly() throws Exception {
    assertThat(GoJson.toIndentedString(new ObjectMapper().readTree("[12345678901234567890, -3]")))
        .isEqualTo("[\n    12345678901234567890,\n    -3\n]");
  }
}
