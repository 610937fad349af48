package dev.machine.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Template language features, each checked against what Go's text/template prints. */
class TemplateExecuteTest {
  /** Data as inspect builds them: JSON decoded into maps, lists and scalars. */
  static final Object DATA =
      json(
          """
          {"Name": "dev", "Num": 3, "Float": 2.5, "Big": 1000000.0, "Small": 0.00001,
           "List": ["a", "b", "c"], "Empty": [], "Map": {"b": 2, "a": 1}, "Null": null,
           "T": true, "F": false, "Zero": 0, "EmptyStr": "", "Html": "<a&b>",
           "Nested": {"Inner": {"Value": "deep"}}, "Maps": [{"K": "x"}, {"K": "y"}]}
          """);

  static Object json(String text) {
    try {
      return new ObjectMapper().readValue(text, Object.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String run(String text, Object data) {
    return Template.parse("t", text).execute(data);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void printsValuesAsGo(String template, String expected) {
    assertThat(run(template, DATA)).isEqualTo(expected);
  }

  static Stream<Arguments> printsValuesAsGo() {
    return Stream.of(
        Arguments.of("plain text", "plain text"),
        Arguments.of("{{.Name}}", "dev"),
        Arguments.of("{{ .Name }}", "dev"),
        Arguments.of("{{.Num}}", "3"),
        Arguments.of("{{.Float}}", "2.5"),
        Arguments.of("{{.Big}}", "1e+06"),
        Arguments.of("{{.Small}}", "1e-05"),
        Arguments.of("{{.Zero}}", "0"),
        Arguments.of("{{.T}} {{.F}}", "true false"),
        Arguments.of("{{.List}}", "[a b c]"),
        Arguments.of("{{.Empty}}", "[]"),
        Arguments.of("{{.Map}}", "map[a:1 b:2]"),
        Arguments.of("{{.Maps}}", "[map[K:x] map[K:y]]"),
        Arguments.of("{{.Nested}}", "map[Inner:map[Value:deep]]"),
        Arguments.of("{{.Nested.Inner.Value}}", "deep"),
        Arguments.of("{{.Missing}}", "<no value>"),
        Arguments.of("{{.Missing.Deeper}}", "<no value>"),
        Arguments.of("{{.Null}}", "<no value>"),
        Arguments.of("{{.Html}}", "<a&b>"),
        Arguments.of("{{.EmptyStr}}|", "|"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void handlesLiteralsTrimMarkersAndComments(String template, String expected) {
    assertThat(run(template, DATA)).isEqualTo(expected);
  }

  static Stream<Arguments> handlesLiteralsTrimMarkersAndComments() {
    return Stream.of(
        Arguments.of("{{\"a\\tb\"}}", "a\tb"),
        Arguments.of("{{`raw\\n`}}", "raw\\n"),
        Arguments.of("{{\"\\u00e9\\x41\"}}", "éA"),
        Arguments.of("{{'a'}}", "97"),
        Arguments.of("{{1.5}} {{1e3}} {{0x10}} {{0o17}} {{0b101}} {{1_000}} {{-3}}", "1.5 1000 16 15 5 1000 -3"),
        Arguments.of("{{true}} {{false}}", "true false"),
        Arguments.of("{{print nil}}", "<nil>"),
        Arguments.of("a  {{- .Name -}}  b", "adevb"),
        Arguments.of("a {{.Name -}} \n\t b", "a devb"),
        Arguments.of("a \n {{- .Name}} b", "adev b"),
        Arguments.of("x {{/* a comment */}} y", "x  y"),
        Arguments.of("x {{- /* a comment */ -}} y", "xy"),
        Arguments.of("{{/* multi\nline */}}z", "z"),
        Arguments.of("{{- 3 -}}", "3"),
        Arguments.of("{{\n  .Name\n}}", "dev"),
        Arguments.of("{{\"}}\"}}|{{`{{`}}", "}}|{{"),
        Arguments.of("{{/* }} {{ */}}x", "x"),
        Arguments.of("a{{- \"-\" -}}b", "a-b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void evaluatesVariablesAndPipelines(String template, String expected) {
    assertThat(run(template, DATA)).isEqualTo(expected);
  }

  static Stream<Arguments> evaluatesVariablesAndPipelines() {
    return Stream.of(
        Arguments.of("{{$x := .Name}}{{$x}}", "dev"),
        Arguments.of("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", "2"),
        Arguments.of("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", "21"),
        Arguments.of("{{$.Name}}", "dev"),
        Arguments.of("{{$m := .Map}}{{$m.a}}", "1"),
        Arguments.of("{{with $x := .Nested}}{{$x.Inner.Value}}{{end}}", "deep"),
        Arguments.of("{{range .List}}{{$.Name}}{{end}}", "devdevdev"),
        Arguments.of("{{.Name | printf \"%s!\"}}", "dev!"),
        Arguments.of("{{\"a\" | printf \"%s-%s\" \"b\"}}", "b-a"),
        Arguments.of("{{.Name | len}}", "3"),
        Arguments.of("{{.List | len | printf \"%03d\"}}", "003"),
        Arguments.of("{{(len .List)}}", "3"),
        Arguments.of("{{(index .Nested \"Inner\").Value}}", "deep"),
        Arguments.of("{{(index .Maps 1).K}}", "y"),
        Arguments.of("{{$ := .Name}}{{$}}", "dev"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void runsControlStructures(String template, String expected) {
    assertThat(run(template, DATA)).isEqualTo(expected);
  }

  static Stream<Arguments> runsControlStructures() {
    return Stream.of(
        Arguments.of("{{if .T}}yes{{else}}no{{end}}", "yes"),
        Arguments.of("{{if .F}}yes{{else}}no{{end}}", "no"),
        Arguments.of("{{if .Missing}}yes{{else}}no{{end}}", "no"),
        Arguments.of("{{if .Null}}yes{{else}}no{{end}}", "no"),
        Arguments.of("{{if .Empty}}y{{end}}{{if .EmptyStr}}y{{end}}{{if .Zero}}y{{end}}|", "|"),
        Arguments.of("{{if .Map}}y{{end}}{{if .List}}y{{end}}{{if .Num}}y{{end}}{{if .Float}}y{{end}}", "yyyy"),
        Arguments.of("{{if .F}}a{{else if .T}}b{{else}}c{{end}}", "b"),
        Arguments.of("{{if .F}}a{{else if .Zero}}b{{else}}c{{end}}", "c"),
        Arguments.of("{{if and .T .F}}y{{else}}n{{end}}", "n"),
        Arguments.of("{{if or .F .Name}}y{{end}}", "y"),
        Arguments.of("{{with .Nested.Inner}}{{.Value}}{{end}}", "deep"),
        Arguments.of("{{with .Missing}}x{{else}}none{{end}}", "none"),
        Arguments.of("{{with .Missing}}x{{else with .Name}}{{.}}{{end}}", "dev"),
        Arguments.of("{{range .List}}{{.}},{{end}}", "a,b,c,"),
        Arguments.of("{{range $i, $v := .List}}{{$i}}={{$v}} {{end}}", "0=a 1=b 2=c "),
        Arguments.of("{{range $k, $v := .Map}}{{$k}}:{{$v}};{{end}}", "a:1;b:2;"),
        Arguments.of("{{range .Map}}{{.}}{{end}}", "12"),
        Arguments.of("{{range .Maps}}{{.K}}{{end}}", "xy"),
        Arguments.of("{{range .Empty}}x{{else}}empty{{end}}", "empty"),
        Arguments.of("{{range .Missing}}x{{else}}none{{end}}", "none"),
        Arguments.of("{{range .List}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", "a"),
        Arguments.of("{{range .List}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", "ac"),
        Arguments.of("{{range 3}}{{.}}{{end}}", "012"),
        Arguments.of("{{range $i, $e := .List}}{{if $i}}, {{end}}{{$e}}{{end}}", "a, b, c"),
        Arguments.of("{{$v := 0}}{{range $v = .List}}{{end}}{{$v}}", "c"),
        Arguments.of("{{range .List}}{{range $.List}}{{break}}{{end}}{{.}}{{end}}", "abc"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void callsDefinedTemplates(String template, String expected) {
    assertThat(run(template, DATA)).isEqualTo(expected);
  }

  static Stream<Arguments> callsDefinedTemplates() {
    return Stream.of(
        Arguments.of("{{define \"T\"}}[{{.}}]{{end}}{{template \"T\" .Name}}", "[dev]"),
        Arguments.of("{{template \"T\"}}{{define \"T\"}}x{{.}}{{end}}", "x<no value>"),
        Arguments.of("{{block \"B\" .Name}}<{{.}}>{{end}}", "<dev>"),
        Arguments.of("{{define \"T\"}}{{$}}{{end}}{{$x := 1}}{{template \"T\" .Num}}", "3"),
        Arguments.of(
            "{{define \"r\"}}{{if .}}{{index . 0}}{{template \"r\" (slice . 1)}}{{end}}{{end}}"
                + "{{template \"r\" .List}}",
            "abc"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void combinesFeatures(String template, String expected) {
    assertThat(run(template, DATA)).isEqualTo(expected);
  }

  static Stream<Arguments> combinesFeatures() {
    return Stream.of(
        Arguments.of("{{if and (eq .Name \"dev\") (ne .Num 4) (not .F)}}ok{{end}}", "ok"),
        Arguments.of("{{(printf \"%s-%s\" .Name \"x\" | upper)}}", "DEV-X"),
        Arguments.of("{{printf \"%-6s|%s\" .Name (join (slice .List 1) \"+\")}}", "dev   |b+c"),
        Arguments.of("{{range $k, $v := .Map}}{{if gt $v 1}}{{$k}}{{end}}{{end}}", "b"),
        Arguments.of("{{$n := len .List}}{{range $i, $e := .List}}{{$e}}{{if lt $i (len (slice $.List 1))}},{{end}}{{end}}", "a,b,c"),
        Arguments.of("{{with .Nested}}{{with .Inner}}{{$.Name}}:{{.Value}}{{end}}{{end}}", "dev:deep"),
        Arguments.of("{{range .Maps}}{{- .K -}} {{end}}", "xy"),
        Arguments.of("{{define \"row\"}}{{.K}}={{.K | len}}{{end}}{{range .Maps}}{{template \"row\" .}};{{end}}", "x=1;y=1;"),
        Arguments.of("{{- range $i, $m := .Maps }}\n{{ $i }}: {{ $m.K }}\n{{- end }}", "\n0: x\n1: y"));
  }

  @Test
  void treatsNilDataAsGoDoes() {
    assertThat(run("{{.}} {{.X}} {{.X.Y}}", null)).isEqualTo("<no value> <no value> <no value>");
  }

  @Test
  void printsNestedNilsInsideMapsAsNil() {
    assertThat(run("{{.}}", json("{\"a\": null, \"b\": [null, 1]}"))).isEqualTo("map[a:<nil> b:[<nil> 1]]");
  }

  @Test
  void printsJavaIntegersPlainlyAndDoublesAsGoFloats() {
    assertThat(run("{{.}}", java.util.List.of(1_000_000, 1_000_000L, 1e6, 3.0, 0.1 + 0.2)))
        .isEqualTo("[1000000 1000000 1e+06 3 0.30000000000000004]");
  }

  @Test
  void canBeExecutedManyTimesWithDifferentData() {
    Template t = Template.parse("t", "{{.Name}}");
    assertThat(t.execute(json("{\"Name\": \"a\"}"))).isEqualTo("a");
    assertThat(t.execute(json("{\"Name\": \"b\"}"))).isEqualTo("b");
    assertThat(t.name()).isEqualTo("t");
  }
}
