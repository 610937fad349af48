package dev.machine.core.template;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parse and execution errors, worded as Go's text/template words them. */
class TemplateErrorsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void rejectsBadSyntax(String template, String message) {
    assertThatThrownBy(() -> Template.parse("t", template))
        .isInstanceOf(TemplateException.class)
        .isInstanceOf(MachineException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> rejectsBadSyntax() {
    return Stream.of(
        Arguments.of("{{.Name", "template: t:1: unclosed action"),
        Arguments.of("{{foo}}", "template: t:1: function \"foo\" not defined"),
        Arguments.of("{{.A | foo}}", "template: t:1: function \"foo\" not defined"),
        Arguments.of("{{if .T}}x", "template: t:1: unexpected EOF"),
        Arguments.of("{{range .L}}x{{else}}", "template: t:1: unexpected EOF"),
        Arguments.of("{{end}}", "template: t:1: unexpected {{end}}"),
        Arguments.of("a\n{{else}}", "template: t:2: unexpected {{else}}"),
        Arguments.of("{{$x}}", "template: t:1: undefined variable \"$x\""),
        Arguments.of("{{if true}}{{$x := 1}}{{end}}{{$x}}", "template: t:1: undefined variable \"$x\""),
        Arguments.of("{{define \"T\"}}{{$y}}{{end}}", "template: t:1: undefined variable \"$y\""),
        Arguments.of("{{}}", "template: t:1: missing value for command"),
        Arguments.of("{{range}}{{end}}", "template: t:1: missing value for range"),
        Arguments.of("{{.A}}\n\n{{if}}{{end}}", "template: t:3: missing value for if"),
        Arguments.of("{{break}}", "template: t:1: {{break}} outside {{range}}"),
        Arguments.of("{{continue}}", "template: t:1: {{continue}} outside {{range}}"),
        Arguments.of("{{range .L}}{{break 1}}{{end}}", "template: t:1: unexpected \"1\" in {{break}}"),
        Arguments.of("{{/* x }}", "template: t:1: unclosed comment"),
        Arguments.of("{{/* x */ .A}}", "template: t:1: comment ends before closing delimiter"),
        Arguments.of("{{\"abc}}", "template: t:1: unterminated quoted string"),
        Arguments.of("{{`abc}}", "template: t:1: unterminated raw quoted string"),
        Arguments.of("{{'a}}", "template: t:1: unterminated character constant"),
        Arguments.of("{{\"\\z\"}}", "template: t:1: invalid syntax"),
        Arguments.of("{{3x}}", "template: t:1: bad number syntax: \"3x\""),
        Arguments.of("{{.A=1}}", "template: t:1: bad character U+003D '='"),
        Arguments.of("line1\n{{.A | 3}}", "template: t:2: non executable command in pipeline stage 2"),
        Arguments.of("{{(.A}}", "template: t:1: unclosed left paren"),
        Arguments.of("{{.A)}}", "template: t:1: unexpected right paren"),
        Arguments.of("{{.A.}}", "template: t:1: unexpected <.> in operand"),
        Arguments.of("{{\"x\".A}}", "template: t:1: unexpected . after term \"\\\"x\\\"\""),
        Arguments.of("{{if .T}}{{else}}{{else}}{{end}}", "template: t:1: expected end; found {{else}}"),
        Arguments.of("{{template .Name}}", "template: t:1: unexpected \".Name\" in template clause"),
        Arguments.of("{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}", "template: t:1: template: multiple definition of template \"a\""),
        Arguments.of("{{define \"a\"}}x{{else}}{{end}}", "template: t:1: unexpected {{else}} in define clause"),
        Arguments.of("{{range $i, $v, $w := .L}}{{end}}", "template: t:1: too many declarations in range"),
        Arguments.of("{{with $x, $y := .}}{{end}}", "template: t:1: too many declarations in with"),
        Arguments.of("{{range $i, 3}}{{end}}", "template: t:1: range can only initialize variables"),
        Arguments.of("{{.A :}}", "template: t:1: expected :="),
        Arguments.of("{{.A \u20ac}}", "template: t:1: unrecognized character in action: U+20AC '€'"),
        Arguments.of("{{.A \u00e9}}", "template: t:1: function \"é\" not defined"),
        Arguments.of("{{99999999999999999999}}", "template: t:1: integer overflow: \"99999999999999999999\""),
        Arguments.of("{{1.2.3}}", "template: t:1: unexpected \".3\" in operand"),
        Arguments.of("{{.A\n\n", "template: t:3: unclosed action in action started at t:1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void failsExecutionLikeGo(String template, String message) {
    Template t = Template.parse("t", template);
    assertThatThrownBy(() -> t.execute(TemplateExecuteTest.DATA))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> failsExecutionLikeGo() {
    return Stream.of(
        Arguments.of("{{.Name.Foo}}", "template: t:1:2: executing \"t\" at <.Name.Foo>: can't evaluate field Foo in type string"),
        Arguments.of("{{.Null.X}}", "template: t:1:2: executing \"t\" at <.Null.X>: nil pointer evaluating interface {}.X"),
        Arguments.of("{{range .List}}{{.X}}{{end}}", "template: t:1:17: executing \"t\" at <.X>: can't evaluate field X in type string"),
        Arguments.of("{{index .List 5}}", "template: t:1:2: executing \"t\" at <index .List 5>: error calling index: index out of range: 5"),
        Arguments.of("{{index .Map 1}}", "template: t:1:2: executing \"t\" at <index .Map 1>: error calling index: value has type int; should be string"),
        Arguments.of("{{index .Num 1}}", "template: t:1:2: executing \"t\" at <index .Num 1>: error calling index: can't index item of type int"),
        Arguments.of("{{len 3}}", "template: t:1:2: executing \"t\" at <len 3>: error calling len: len of type int"),
        Arguments.of("{{len .Missing}}", "template: t:1:2: executing \"t\" at <len .Missing>: error calling len: len of untyped nil"),
        Arguments.of("{{slice .List 2 1}}", "template: t:1:2: executing \"t\" at <slice .List 2 1>: error calling slice: invalid slice index: 2 > 1"),
        Arguments.of("{{lt .List 1}}", "template: t:1:2: executing \"t\" at <lt .List 1>: error calling lt: invalid type for comparison"),
        Arguments.of("{{eq .Name 1}}", "template: t:1:2: executing \"t\" at <eq .Name 1>: error calling eq: incompatible types for comparison: string and int"),
        Arguments.of("{{eq .Map .Map}}", "template: t:1:2: executing \"t\" at <eq .Map .Map>: error calling eq: non-comparable type map[a:1 b:2]: map[string]interface {}"),
        Arguments.of("{{eq .Name}}", "template: t:1:2: executing \"t\" at <eq .Name>: error calling eq: missing argument for comparison"),
        Arguments.of("{{and}}", "template: t:1:2: executing \"t\" at <and>: wrong number of args for and: want at least 1 got 0"),
        Arguments.of("{{not 1 2}}", "template: t:1:2: executing \"t\" at <not>: wrong number of args for not: want 1 got 2"),
        Arguments.of("{{.Name | not 1}}", "template: t:1:10: executing \"t\" at <not>: wrong number of args for not: want 1 got 2"),
        Arguments.of("{{upper 3}}", "template: t:1:8: executing \"t\" at <3>: wrong type for value; expected string; got int"),
        Arguments.of("{{template \"nope\"}}", "template: t:1:11: executing \"t\" at <{{template \"nope\"}}>: template \"nope\" not defined"),
        Arguments.of("{{.Name 1}}", "template: t:1:2: executing \"t\" at <.Name>: Name is not a method but has arguments"),
        Arguments.of("{{1 | .Name}}", "template: t:1:6: executing \"t\" at <.Name>: Name is not a method but has arguments"),
        Arguments.of("{{nil}}", "template: t:1:2: executing \"t\" at <nil>: nil is not a command"),
        Arguments.of("{{.Name | $}}", "template: t:1:10: executing \"t\" at <$>: can't give argument to non-function $"),
        Arguments.of("{{range .Name}}{{end}}", "template: t:1:8: executing \"t\" at <.Name>: range can't iterate over dev"),
        Arguments.of("{{range $i, $v := 3}}{{end}}", "template: t:1:18: executing \"t\" at <3>: can't use 3 to iterate over more than one variable"),
        Arguments.of("{{$x := 1}}{{$x.Foo}}", "template: t:1:13: executing \"t\" at <$x.Foo>: can't evaluate field Foo in type int"),
        Arguments.of("{{(nil).X}}", "template: t:1:3: executing \"t\" at <nil>: nil is not a command"),
        Arguments.of("{{call .Name}}", "template: t:1:2: executing \"t\" at <call .Name>: error calling call: non-function of type string"),
        Arguments.of("{{define \"r\"}}{{template \"r\"}}{{end}}{{template \"r\"}}", "template: t:1:25: executing \"r\" at <{{template \"r\"}}>: exceeded maximum template depth (1000)"),
        Arguments.of("a\n  {{.Name.X}}", "template: t:2:4: executing \"t\" at <.Name.X>: can't evaluate field X in type string"));
  }
}
