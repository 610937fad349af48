package dev.machine.core.template;

import dev.machine.core.template.Node.ListNode;
import java.util.Map;

/**
 * A parsed Go text/template, as used by {@code ls --format} and {@code inspect -f}.
 *
 * <p>Supports Go's template language: text and {@code {{actions}}} with trim markers
 * ({@code {{- -}}}) and comments; string, raw string, character, number, bool and nil literals;
 * {@code .Field.Chains}, {@code $}, {@code $x := …}, {@code $x = …}, pipelines and parentheses;
 * {@code if / else if / else}, {@code range} (lists, maps in key order, integers, with
 * {@code break}/{@code continue} and {@code else}), {@code with / else with / else}, and
 * {@code define}, {@code template} and {@code block}. Functions: see {@link Builtins}.
 *
 * <p>Data are what Jackson's {@code convertValue(x, Object.class)} produces ({@code Map},
 * {@code List}, {@code String}, {@code Number}, {@code Boolean}, null) plus Java objects, read
 * through record components, accessors and getters. A missing map key prints {@code <no value>},
 * as in Go. Values print as Go's fmt prints them ({@code [a b]}, {@code map[k:v]}, floats in
 * shortest form such as {@code 1e+06}, integers plainly).
 *
 * <p>Instances are immutable and may be executed concurrently.
 */
public final class Template {
  private final String name;
  private final String text;
  private final Map<String, ListNode> trees;

  private Template(String name, String text, Map<String, ListNode> trees) {
    this.name = name;
    this.text = text;
    this.trees = trees;
  }

  /**
   * Parses Go template text.
   *
   * @param name the template's name, used in error messages
   * @throws TemplateException on a syntax error, worded as Go: {@code template: NAME:LINE: MSG}
   */
  public static Template parse(String name, String text) {
    return new Template(name, text, Map.copyOf(Parser.parse(name, text, Builtins.names())));
  }

  /**
   * Executes the template against {@code data} and returns the output.
   *
   * @throws TemplateException on an execution error, worded as Go:
   *     {@code template: NAME:LINE:COL: executing "NAME" at <NODE>: MSG}
   */
  public String execute(Object data) {
    return new Executor(trees, name, text).execute(name, data);
  }

  /** The name given to {@link #parse}. */
  public String name() {
    return name;
  }
}
