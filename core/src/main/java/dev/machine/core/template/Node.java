package dev.machine.core.template;

import dev.machine.core.golang.GoQuote;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree of a template, as Go's text/template/parse models it. {@code toString()} renders
 * a node as Go does, because execution errors quote the failing node ({@code at <.A.B>}).
 */
sealed interface Node {
  /** Offset of the node in the template text, for error locations. */
  int pos();

  /** A sequence of nodes: a template body or a branch. */
  record ListNode(int pos, List<Node> nodes) implements Node {
    @Override
    public String toString() {
      return nodes.stream().map(Node::toString).collect(Collectors.joining());
    }
  }

  /** Plain text copied to the output. */
  record TextNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** {@code {{pipeline}}}: prints the pipeline's value unless it declares variables. */
  record ActionNode(int pos, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  /** {@code $x := cmd | cmd}: commands whose results feed the next one as its last argument. */
  record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
      implements Node {
    @Override
    public String toString() {
      String commands = cmds.stream().map(Node::toString).collect(Collectors.joining(" | "));
      if (decl.isEmpty()) {
        return commands;
      }
      String vars = decl.stream().map(Node::toString).collect(Collectors.joining(", "));
      return vars + (isAssign ? " = " : " := ") + commands;
    }
  }

  /** One command of a pipeline: an operand, or a function or method with its arguments. */
  record CommandNode(int pos, List<Node> args) implements Node {
    @Override
    public String toString() {
      return args.stream()
          .map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
          .collect(Collectors.joining(" "));
    }
  }

  /** Which control structure a {@link BranchNode} is. */
  enum BranchKind {
    IF,
    RANGE,
    WITH;

    String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code {{if}}}, {@code {{range}}} or {@code {{with}}}, with an optional else list. */
  record BranchNode(int pos, BranchKind kind, PipeNode pipe, ListNode list, ListNode elseList)
      implements Node {
    @Override
    public String toString() {
      String elsePart = elseList == null ? "" : "{{else}}" + elseList;
      return "{{" + kind.keyword() + " " + pipe + "}}" + list + elsePart + "{{end}}";
    }
  }

  /** {@code {{template "name" pipeline}}}; {@code pipe} may be null. */
  record TemplateNode(int pos, String name, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      String arg = pipe == null ? "" : " " + pipe;
      return "{{template " + GoQuote.quote(name) + arg + "}}";
    }
  }

  /** {@code {{break}}} inside a range. */
  record BreakNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  /** {@code {{continue}}} inside a range. */
  record ContinueNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }

  /** {@code {{end}}}: only seen by the parser. */
  record EndNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{end}}";
    }
  }

  /** {@code {{else}}}: only seen by the parser. */
  record ElseNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{else}}";
    }
  }

  /** {@code .A.B}: a field chain starting at dot. */
  record FieldNode(int pos, List<String> idents) implements Node {
    @Override
    public String toString() {
      return idents.stream().map(i -> "." + i).collect(Collectors.joining());
    }
  }

  /** {@code $x.A.B}: a variable, optionally followed by fields; idents[0] is the variable. */
  record VariableNode(int pos, List<String> idents) implements Node {
    @Override
    public String toString() {
      return String.join(".", idents);
    }
  }

  /** {@code (pipeline).A.B} or {@code fn.A}: fields applied to another operand. */
  record ChainNode(int pos, Node node, List<String> fields) implements Node {
    @Override
    public String toString() {
      String head = node instanceof PipeNode ? "(" + node + ")" : node.toString();
      return head + fields.stream().map(f -> "." + f).collect(Collectors.joining());
    }
  }

  /** A function name. */
  record IdentifierNode(int pos, String name) implements Node {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The cursor, {@code .}. */
  record DotNode(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  /** The untyped {@code nil}. */
  record NilNode(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  /** {@code true} or {@code false}. */
  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A string literal: {@code quoted} as written, {@code text} its value. */
  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }

  /** A numeric or character constant and the Go kinds its text can represent. */
  record NumberNode(
      int pos,
      String text,
      boolean isInt,
      boolean isUint,
      boolean isFloat,
      long intValue,
      double floatValue)
      implements Node {
    @Override
    public String toString() {
      return text;
    }
  }
}
