package dev.machine.cli.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgParserTest {
  static final List<FlagDef> FLAGS =
      List.of(
          FlagDef.bool("force, f", "Force"),
          FlagDef.string("url", "", "THE_URL", "URL"),
          new FlagDef(List.of("port"), dev.machine.core.driver.FlagType.INT, 22, "THE_PORT", "port"),
          new FlagDef(List.of("verbose"), dev.machine.core.driver.FlagType.BOOL, false, "THE_VERBOSE", "v"),
          FlagDef.stringList("opt", "THE_OPTS", "options"),
          FlagDef.integer("timeout, t", 10, "Timeout"));

  ParsedArgs parse(Map<String, String> env, String... args) {
    return new ArgParser(env::get).parse("test", FLAGS, List.of(args));
  }

  @Test
  void optionsAreAcceptedAnywhere() {
    ParsedArgs p = parse(Map.of(), "a", "--url", "tcp://x", "b", "-f", "--opt", "1", "--opt=2", "-t", "5");
    assertThat(p.positionals()).containsExactly("a", "b");
    assertThat(p.string("url")).isEqualTo("tcp://x");
    assertThat(p.bool("force")).isTrue();
    assertThat(p.stringList("opt")).containsExactly("1", "2");
    assertThat(p.integer("timeout")).isEqualTo(5);
    assertThat(p.setOnCommandLine()).containsExactlyInAnyOrder("url", "force", "opt", "timeout");
  }

  @Test
  void defaultsApplyWhenNothingIsGiven() {
    ParsedArgs p = parse(Map.of());
    assertThat(p.string("url")).isEmpty();
    assertThat(p.integer("port")).isEqualTo(22);
    assertThat(p.bool("verbose")).isFalse();
    assertThat(p.stringList("opt")).isEmpty();
    assertThat(p.integer("timeout")).isEqualTo(10);
  }

  @Test
  void environmentVariablesFillEveryFlagType() {
    ParsedArgs p =
        parse(Map.of("THE_URL", "tcp://env", "THE_PORT", "2222", "THE_VERBOSE", "true", "THE_OPTS", " a, b ,c"));
    assertThat(p.string("url")).isEqualTo("tcp://env");
    assertThat(p.integer("port")).isEqualTo(2222);
    assertThat(p.bool("verbose")).isTrue();
    assertThat(p.stringList("opt")).containsExactly("a", "b", "c");
    assertThat(p.setOnCommandLine()).isEmpty();
  }

  @Test
  void theCommandLineWinsOverTheEnvironment() {
    ParsedArgs p = parse(Map.of("THE_URL", "tcp://env", "THE_OPTS", "a,b"), "--url", "tcp://cli", "--opt", "z");
    assertThat(p.string("url")).isEqualTo("tcp://cli");
    assertThat(p.stringList("opt")).containsExactly("z");
  }

  @Test
  void badEnvironmentValuesAreRejected() {
    assertThatThrownBy(() -> parse(Map.of("THE_VERBOSE", "yes")))
        .isInstanceOf(MachineException.class)
        .hasMessage("invalid value \"yes\" for $THE_VERBOSE (--verbose): want true or false");
    assertThatThrownBy(() -> parse(Map.of("THE_PORT", "twenty")))
        .hasMessage("invalid value \"twenty\" for $THE_PORT (--port): want an integer");
  }

  @Test
  void aBadEnvironmentValueIsMootWhenTheFlagIsGiven() {
    assertThat(parse(Map.of("THE_PORT", "twenty"), "--port", "2").integer("port")).isEqualTo(2);
  }

  @Test
  void withoutOptionsTheSameValuesComeOut() {
    Map<String, String> env = Map.of("THE_URL", "tcp://env", "THE_OPTS", "a,b");
    ParsedArgs fast = parse(env, "a", "b");
    ParsedArgs full = parse(env, "a", "--", "b");
    assertThat(fast.values()).isEqualTo(full.values());
    assertThat(fast.positionals()).isEqualTo(full.positionals());
    assertThatThrownBy(() -> parse(Map.of("THE_VERBOSE", "yes"), "name")).hasMessageContaining("THE_VERBOSE");
  }

  @Test
  void badCommandLineValuesAreGoUsageErrorsNamingTheFlagAsTyped() {
    assertThatThrownBy(() -> parse(Map.of(), "--port", "x"))
        .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.incorrectUsage()).isTrue())
        .hasMessage("invalid value \"x\" for flag -port: parse error");
    assertThatThrownBy(() -> parse(Map.of(), "-t", "abc")).hasMessage("invalid value \"abc\" for flag -t: parse error");
    assertThatThrownBy(() -> parse(Map.of(), "--timeout=")).hasMessage("invalid value \"\" for flag -timeout: parse error");
    assertThatThrownBy(() -> parse(Map.of(), "-timeout", "99999999999"))
        .hasMessage("invalid value \"99999999999\" for flag -timeout: value out of range");
  }

  @Test
  void aFlagWithoutItsValueIsAGoUsageError() {
    assertThatThrownBy(() -> parse(Map.of(), "name", "--timeout"))
        .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.incorrectUsage()).isTrue())
        .hasMessage("flag needs an argument: -timeout");
    assertThatThrownBy(() -> parse(Map.of(), "-t")).hasMessage("flag needs an argument: -t");
    assertThatThrownBy(() -> parse(Map.of(), "--opt")).hasMessage("flag needs an argument: -opt");
  }

  @Test
  void aFlagTakesTheNextArgumentAsItsValueEvenWithADash() {
    ParsedArgs p = parse(Map.of(), "--url", "--force", "--opt", "-t", "x");
    assertThat(p.string("url")).isEqualTo("--force");
    assertThat(p.bool("force")).isFalse();
    assertThat(p.stringList("opt")).containsExactly("-t");
    assertThat(p.integer("timeout")).isEqualTo(10);
    assertThat(p.positionals()).containsExactly("x");
  }

  @Test
  void unknownFlagsAreIncorrectUsage() {
    assertThatThrownBy(() -> parse(Map.of(), "--bogus"))
        .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.incorrectUsage()).isTrue())
        .hasMessage("flag provided but not defined: -bogus");
  }

  @Test
  void doubleDashEndsOptionsAndGoStyleSingleDashLongNamesWork() {
    ParsedArgs p = parse(Map.of(), "-url", "tcp://x", "--", "-f", "--url");
    assertThat(p.string("url")).isEqualTo("tcp://x");
    assertThat(p.bool("force")).isFalse();
    assertThat(p.positionals()).containsExactly("-f", "--url");
  }

  @Test
  void boolFlagsTakeAValueOnlyAfterAnEqualsSign() {
    assertThat(parse(Map.of(), "--force=false").bool("force")).isFalse();
    assertThat(parse(Map.of(), "--force=false").setOnCommandLine()).containsExactly("force");
    assertThat(parse(Map.of(), "-f=1", "-verbose=T").values()).containsEntry("force", true).containsEntry("verbose", true);
    assertThat(parse(Map.of(), "--force", "name").positionals()).containsExactly("name");
    // A following true or false is a positional argument (a machine may be named "true").
    ParsedArgs p = parse(Map.of(), "-f", "true");
    assertThat(p.bool("force")).isTrue();
    assertThat(p.positionals()).containsExactly("true");
    assertThat(parse(Map.of(), "--force", "false", "--url", "u").positionals()).containsExactly("false");
    // The last occurrence wins.
    assertThat(parse(Map.of(), "--force=false", "-f").bool("force")).isTrue();
    assertThat(parse(Map.of(), "-f", "--force=false").bool("force")).isFalse();
  }

  @Test
  void aBadBoolValueIsAGoUsageError() {
    assertThatThrownBy(() -> parse(Map.of(), "-f=maybe"))
        .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.incorrectUsage()).isTrue())
        .hasMessage("invalid boolean value \"maybe\" for -f: parse error");
  }

  @Test
  void helpIsRecognised() {
    assertThat(parse(Map.of(), "--help").help()).isTrue();
    assertThat(parse(Map.of(), "x", "-h").help()).isTrue();
  }

  @Test
  void argumentFilesAreNotExpanded() {
    assertThat(parse(Map.of(), "@/etc/passwd").positionals()).containsExactly("@/etc/passwd");
  }
}
