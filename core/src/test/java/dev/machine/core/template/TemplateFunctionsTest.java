package dev.machine.core.template;

import static dev.machine.core.template.TemplateExecuteTest.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's builtin functions, Docker Machine's json/prettyjson and the docker CLI helpers. */
class TemplateFunctionsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void builtins(String template, String expected) {
    assertThat(Template.parse("t", template).execute(DATA)).isEqualTo(expected);
  }

  static Stream<Arguments> builtins() {
    return Stream.of(
        Arguments.of("{{and 1 0 2}}", "0"),
        Arguments.of("{{and 1 2}}", "2"),
        Arguments.of("{{and .T .Name}}", "dev"),
        Arguments.of("{{or 0 \"\" \"x\"}}", "x"),
        Arguments.of("{{or .Missing .F}}", "false"),
        Arguments.of("{{and false (index .List 10)}}", "false"),
        Arguments.of("{{or true (index .List 10)}}", "true"),
        Arguments.of("{{.T | and 1}}", "true"),
        Arguments.of("{{not .F}} {{not .Name}} {{not .Missing}}", "true false true"),
        Arguments.of("{{len .Name}} {{len .Map}} {{len .List}} {{len .Empty}}", "3 2 3 0"),
        Arguments.of("{{len \"h\u00e9llo\"}}", "6"),
        Arguments.of("{{index .List 1}}", "b"),
        Arguments.of("{{index .Map \"b\"}}", "2"),
        Arguments.of("{{index .Map \"zz\"}}", "<no value>"),
        Arguments.of("{{index \"abc\" 1}}", "98"),
        Arguments.of("{{index .Nested \"Inner\" \"Value\"}}", "deep"),
        Arguments.of(
            "{{index .}}",
            "map[Big:1e+06 Empty:[] EmptyStr: F:false Float:2.5 Html:<a&b> List:[a b c] Map:map[a:1 b:2] "
                + "Maps:[map[K:x] map[K:y]] Name:dev Nested:map[Inner:map[Value:deep]] Null:<nil> Num:3 "
                + "Small:1e-05 T:true Zero:0]"),
        Arguments.of("{{slice .List 1 2}}", "[b]"),
        Arguments.of("{{slice .List 1}}", "[b c]"),
        Arguments.of("{{slice .List}}", "[a b c]"),
        Arguments.of("{{slice .Name 1}}", "ev"),
        Arguments.of("{{slice .Name 0 2}}", "de"),
        Arguments.of("{{eq .Name \"dev\"}} {{eq .Name \"x\" \"dev\"}} {{eq .Name \"x\" \"y\"}}", "true true false"),
        Arguments.of("{{eq .Num 3}} {{ne .Num 4}} {{eq .Float 2.5}} {{eq .T true}}", "true true true true"),
        Arguments.of("{{eq .Num 3.0}} {{lt .Num 3.5}}", "true true"),
        Arguments.of("{{eq .Missing \"x\"}} {{eq .Missing nil}} {{eq nil nil}} {{ne .Null \"x\"}}", "false true true true"),
        Arguments.of("{{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 2.5}} {{gt 2 1}} {{ge 2 2}}", "true true true false true true"),
        Arguments.of("{{lt \"a\" \"b\"}} {{le 3 2}} {{lt -1 0}}", "true false true"),
        Arguments.of("{{print \"a\" 1 2 \"b\"}}", "a1 2b"),
        Arguments.of("{{print 1 2}} {{print \"a\" \"b\"}} {{print}}", "1 2 ab "),
        Arguments.of("{{println \"a\" 1}}", "a 1\n"),
        Arguments.of("{{print .List .Map}}", "[a b c] map[a:1 b:2]"),
        Arguments.of("{{printf \"%s has %d items\" .Name (len .List)}}", "dev has 3 items"),
        Arguments.of("{{printf \"%v|%5.1f|%-4s|%q\" .Float .Float .Name .Name}}", "2.5|  2.5|dev |\"dev\""),
        Arguments.of("{{printf \"%v\" .Missing}} {{printf \"%s\" .Missing}}", "<nil> %!s(<nil>)"),
        Arguments.of("{{html .Html}} {{.Html | html}}", "&lt;a&amp;b&gt; &lt;a&amp;b&gt;"),
        Arguments.of("{{html \"'\\\"\"}}", "&#39;&#34;"),
        Arguments.of("{{html .Missing}}", "&lt;no value&gt;"),
        Arguments.of("{{js \"a'b\\\"<>&=\\\\\"}}", "a\\'b\\\"\\u003C\\u003E\\u0026\\u003D\\\\"),
        Arguments.of("{{js \"\\n\"}}", "\\u000A"),
        Arguments.of("{{urlquery \"a b&c=d/\u00e9~\"}}", "a+b%26c%3Dd%2F%C3%A9~"),
        Arguments.of("{{urlquery \"a\" 1}}", "a1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void dockerFunctions(String template, String expected) {
    assertThat(Template.parse("t", template).execute(DATA)).isEqualTo(expected);
  }

  @Test
  void jsonOfAValueGoCannotEncodeIsEmptyAsInDockerMachine() {
    assertThat(Template.parse("t", "[{{json .}}]").execute(List.of(Double.NaN))).isEqualTo("[]");
  }

  static Stream<Arguments> dockerFunctions() {
    return Stream.of(
        Arguments.of("{{json .Map}}", "{\"a\":1,\"b\":2}"),
        Arguments.of("{{json .List}}", "[\"a\",\"b\",\"c\"]"),
        Arguments.of("{{json .Html}}", "\"\\u003ca\\u0026b\\u003e\""),
        Arguments.of("{{json .Null}} {{json .Missing}}", "null null"),
        Arguments.of("{{json .Float}} {{json .Big}} {{json .Small}} {{json .Num}}", "2.5 1000000 0.00001 3"),
        Arguments.of("{{json .Nested}}", "{\"Inner\":{\"Value\":\"deep\"}}"),
        Arguments.of("{{json .Empty}} {{json .T}}", "[] true"),
        Arguments.of("{{.Map | json}}", "{\"a\":1,\"b\":2}"),
        Arguments.of("{{prettyjson .Map}}", "{\n    \"a\": 1,\n    \"b\": 2\n}"),
        Arguments.of(
            "{{prettyjson .Maps}}",
            "[\n    {\n        \"K\": \"x\"\n    },\n    {\n        \"K\": \"y\"\n    }\n]"),
        Arguments.of("{{prettyjson .Empty}} {{prettyjson .Name}}", "[] \"dev\""),
        Arguments.of("{{join .List \", \"}}", "a, b, c"),
        Arguments.of("{{join .Empty \",\"}}|", "|"),
        Arguments.of("{{split \"a,b,,c\" \",\"}}", "[a b  c]"),
        Arguments.of("{{len (split \"\" \",\")}} {{split \"abc\" \"\"}}", "1 [a b c]"),
        Arguments.of("{{range split \"x=1,y=2\" \",\"}}<{{.}}>{{end}}", "<x=1><y=2>"),
        Arguments.of("{{lower \"MiXeD\"}} {{upper .Name}}", "mixed DEV"),
        Arguments.of("{{title \"hello wide_world-x\"}}", "Hello Wide_world-X"),
        Arguments.of("{{truncate .Name 2}} {{truncate .Name 10}}", "de dev"),
        Arguments.of("{{pad .Name 1 2}}|{{pad \"\" 3 3}}|", " dev  ||"));
  }
}
