package dev.machine.core.template;

import dev.machine.core.golang.GoQuote;
import dev.machine.core.template.Node.ActionNode;
import dev.machine.core.template.Node.BoolNode;
import dev.machine.core.template.Node.BranchKind;
import dev.machine.core.template.Node.BranchNode;
import dev.machine.core.template.Node.BreakNode;
import dev.machine.core.template.Node.ChainNode;
import dev.machine.core.template.Node.CommandNode;
import dev.machine.core.template.Node.ContinueNode;
import dev.machine.core.template.Node.DotNode;
import dev.machine.core.template.Node.FieldNode;
import dev.machine.core.template.Node.IdentifierNode;
import dev.machine.core.template.Node.ListNode;
import dev.machine.core.template.Node.NilNode;
import dev.machine.core.template.Node.NumberNode;
import dev.machine.core.template.Node.PipeNode;
import dev.machine.core.template.Node.StringNode;
import dev.machine.core.template.Node.TemplateNode;
import dev.machine.core.template.Node.TextNode;
import dev.machine.core.template.Node.VariableNode;
import dev.machine.core.template.GoValues.NilPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a parsed template over data, as Go's text/template exec does: pipelines, field chains,
 * variables, control structures, template calls and function calls, with Go's error messages
 * ({@code template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE}). One instance runs one
 * execution.
 */
final class Executor {
  /** Go allows 100000 nested template calls; the JVM stack holds fewer, so stop earlier. */
  private static final int MAX_DEPTH = 1000;

  /** Marks "no value piped in" for a command, distinct from a piped-in missing value. */
  private static final Object NO_FINAL = new Object();

  private enum Flow {
    NORMAL,
    BREAK,
    CONTINUE
  }

  /** A variable on the stack ({@code $}, {@code $x}). */
  private static final class Variable {
    final String name;
    Object value;

    Variable(String name, Object value) {
      this.name = name;
      this.value = value;
    }
  }

  private final Map<String, ListNode> trees;
  private final String parseName;
  private final String text;
  private final StringBuilder out = new StringBuilder();
  private List<Variable> vars = new ArrayList<>();
  private String templateName;
  private Node current;
  private int depth;

  Executor(Map<String, ListNode> trees, String parseName, String text) {
    this.trees = trees;
    this.parseName = parseName;
    this.text = text;
  }

  String execute(String name, Object data) {
    templateName = name;
    ListNode root = trees.get(name);
    if (root == null) {
      throw error(GoQuote.quote(name) + " is an incomplete or empty template");
    }
    Object dot = data == null ? GoValues.NO_VALUE : data;
    vars.add(new Variable("$", dot));
    try {
      walk(dot, root);
    } catch (StackOverflowError e) {
      throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    return out.toString();
  }

  private Flow walk(Object dot, Node node) {
    current = node;
    if (node instanceof TextNode t) {
      out.append(t.text());
    } else if (node instanceof ActionNode a) {
      // Variables declared here persist until the enclosing {{end}}.
      Object value = evalPipeline(dot, a.pipe());
      if (a.pipe().decl().isEmpty()) {
        printValue(a, value);
      }
    } else if (node instanceof ListNode list) {
      for (Node n : list.nodes()) {
        Flow flow = walk(dot, n);
        if (flow != Flow.NORMAL) {
          return flow;
        }
      }
    } else if (node instanceof BranchNode b) {
      return b.kind() == BranchKind.RANGE ? walkRange(dot, b) : walkIfOrWith(dot, b);
    } else if (node instanceof TemplateNode t) {
      walkTemplate(dot, t);
    } else if (node instanceof BreakNode) {
      return Flow.BREAK;
    } else if (node instanceof ContinueNode) {
      return Flow.CONTINUE;
    } else {
      throw error("unknown node: " + node);
    }
    return Flow.NORMAL;
  }

  private Flow walkIfOrWith(Object dot, BranchNode b) {
    int mark = vars.size();
    try {
      Object value = evalPipeline(dot, b.pipe());
      if (GoValues.isTrue(value)) {
        return walk(b.kind() == BranchKind.WITH ? value : dot, b.list());
      }
      return b.elseList() == null ? Flow.NORMAL : walk(dot, b.elseList());
    } finally {
      pop(mark);
    }
  }

  private Flow walkRange(Object dot, BranchNode r) {
    current = r;
    int mark = vars.size();
    try {
      Object value = evalPipeline(dot, r.pipe());
      int bodyMark = vars.size();
      boolean ran = false;
      if (GoValues.isList(value)) {
        List<?> items = GoValues.asList(value);
        for (int i = 0; i < items.size(); i++) {
          ran = true;
          if (iteration(r, bodyMark, i, items.get(i)) == Flow.BREAK) {
            break;
          }
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : MapKeys.sorted(map)) {
          ran = true;
          if (iteration(r, bodyMark, e.getKey(), e.getValue()) == Flow.BREAK) {
            break;
          }
        }
      } else if (GoValues.isInteger(value)) {
        if (r.pipe().decl().size() > 1) {
          throw error("can't use " + GoFmt.sprint(value) + " to iterate over more than one variable");
        }
        long n = ((Number) value).longValue();
        for (long i = 0; i < n; i++) {
          ran = true;
          if (iteration(r, bodyMark, GoValues.NO_VALUE, i) == Flow.BREAK) {
            break;
          }
        }
      } else if (value != GoValues.NO_VALUE) {
        throw error("range can't iterate over " + GoFmt.sprint(value));
      }
      if (!ran && r.elseList() != null) {
        return walk(dot, r.elseList());
      }
      return Flow.NORMAL;
    } finally {
      pop(mark);
    }
  }

  private Flow iteration(BranchNode r, int bodyMark, Object index, Object element) {
    PipeNode pipe = r.pipe();
    List<VariableNode> decl = pipe.decl();
    if (!decl.isEmpty()) {
      if (pipe.isAssign()) {
        setVar(decl.get(0).idents().get(0), decl.size() > 1 ? index : element);
      } else {
        vars.get(vars.size() - 1).value = element;
      }
    }
    if (decl.size() > 1) {
      if (pipe.isAssign()) {
        setVar(decl.get(1).idents().get(0), element);
      } else {
        vars.get(vars.size() - 2).value = index;
      }
    }
    try {
      Flow flow = walk(element, r.list());
      return flow == Flow.BREAK ? Flow.BREAK : Flow.NORMAL;
    } finally {
      pop(bodyMark);
    }
  }

  private void walkTemplate(Object dot, TemplateNode t) {
    current = t;
    ListNode tree = trees.get(t.name());
    if (tree == null) {
      throw error("template " + GoQuote.quote(t.name()) + " not defined");
    }
    if (depth == MAX_DEPTH) {
      throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    Object newDot = t.pipe() == null ? GoValues.NO_VALUE : evalPipeline(dot, t.pipe());
    List<Variable> savedVars = vars;
    String savedName = templateName;
    // No dynamic scoping: the called template sees only its own $.
    vars = new ArrayList<>();
    vars.add(new Variable("$", newDot));
    templateName = t.name();
    depth++;
    try {
      walk(newDot, tree);
    } finally {
      depth--;
      vars = savedVars;
      templateName = savedName;
    }
  }

  private Object evalPipeline(Object dot, PipeNode pipe) {
    current = pipe;
    Object value = NO_FINAL;
    for (CommandNode cmd : pipe.cmds()) {
      value = evalCommand(dot, cmd, value);
      // A nil interface becomes Go's invalid value, which prints as <no value>.
      if (value == null) {
        value = GoValues.NO_VALUE;
      }
    }
    for (VariableNode v : pipe.decl()) {
      if (pipe.isAssign()) {
        setVar(v.idents().get(0), value);
      } else {
        vars.add(new Variable(v.idents().get(0), value));
      }
    }
    return value;
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    Node first = cmd.args().get(0);
    if (first instanceof FieldNode f) {
      return evalFieldNode(dot, f, cmd.args(), fin);
    }
    if (first instanceof ChainNode c) {
      return evalChainNode(dot, c, cmd.args(), fin);
    }
    if (first instanceof IdentifierNode id) {
      return evalFunction(dot, id, cmd, cmd.args(), fin);
    }
    if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), fin);
      return evalPipeline(dot, p);
    }
    if (first instanceof VariableNode v) {
      return evalVariableNode(dot, v, cmd.args(), fin);
    }
    current = first;
    notAFunction(cmd.args(), fin);
    if (first instanceof BoolNode b) {
      return b.value();
    }
    if (first instanceof DotNode) {
      return dot;
    }
    if (first instanceof NilNode) {
      throw error("nil is not a command");
    }
    if (first instanceof NumberNode n) {
      return idealConstant(n);
    }
    if (first instanceof StringNode s) {
      return s.text();
    }
    throw error("can't evaluate command " + GoQuote.quote(first.toString()));
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != NO_FINAL) {
      throw error("can't give argument to non-function " + args.get(0));
    }
  }

  /** A constant's value where no type is known: float if written as one, else int. */
  private Object idealConstant(NumberNode n) {
    current = n;
    String t = n.text();
    boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X') && !t.matches(".*[pP].*");
    boolean runeInt = t.startsWith("'");
    if (n.isFloat() && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
      return n.floatValue();
    }
    if (n.isInt()) {
      return n.intValue();
    }
    if (n.isUint()) {
      throw error(t + " overflows int");
    }
    return GoValues.NO_VALUE;
  }

  private Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin) {
    current = field;
    return evalFieldChain(dot, dot, field, field.idents(), args, fin);
  }

  private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
    current = chain;
    if (chain.node() instanceof NilNode) {
      throw error("indirection through explicit nil in " + chain);
    }
    Object receiver = evalArg(dot, chain.node());
    return evalFieldChain(dot, receiver, chain, chain.fields(), args, fin);
  }

  private Object evalVariableNode(Object dot, VariableNode variable, List<Node> args, Object fin) {
    current = variable;
    Object value = varValue(variable.idents().get(0));
    if (variable.idents().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    List<String> fields = variable.idents().subList(1, variable.idents().size());
    return evalFieldChain(dot, value, variable, fields, args, fin);
  }

  private Object evalFieldChain(
      Object dot, Object receiver, Node node, List<String> idents, List<Node> args, Object fin) {
    int n = idents.size();
    for (int i = 0; i < n - 1; i++) {
      receiver = evalField(idents.get(i), node, List.of(node), NO_FINAL, receiver);
    }
    return evalField(idents.get(n - 1), node, args, fin, receiver);
  }

  private Object evalField(String name, Node node, List<Node> args, Object fin, Object receiver) {
    current = node;
    if (receiver == GoValues.NO_VALUE) {
      return GoValues.NO_VALUE;
    }
    if (receiver == null) {
      throw error("nil pointer evaluating interface {}." + name);
    }
    if (receiver instanceof NilPointer p) {
      throw error("nil pointer evaluating " + p.typeName() + "." + name);
    }
    boolean hasArgs = args.size() > 1 || fin != NO_FINAL;
    if (receiver instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw error(name + " is not a method but has arguments");
      }
      return map.containsKey(name) ? map.get(name) : GoValues.NO_VALUE;
    }
    if (FieldResolver.isStruct(receiver)) {
      var value = FieldResolver.resolve(receiver, name);
      if (value.isPresent()) {
        if (hasArgs) {
          throw error(name + " has arguments but cannot be invoked as function");
        }
        return value.get();
      }
    }
    throw error("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
  }

  private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
    current = id;
    Builtins.Function fn = Builtins.get(id.name());
    if (fn == null) {
      throw error(GoQuote.quote(id.name()) + " is not a defined function");
    }
    List<Node> argNodes = args.subList(1, args.size());
    int numIn = argNodes.size() + (fin != NO_FINAL ? 1 : 0);
    if (fn.variadic() && numIn < fn.arity()) {
      throw error("wrong number of args for " + fn.name() + ": want at least " + fn.arity() + " got " + argNodes.size());
    }
    if (!fn.variadic() && numIn != fn.arity()) {
      throw error("wrong number of args for " + fn.name() + ": want " + fn.arity() + " got " + numIn);
    }
    if (fn.name().equals("and") || fn.name().equals("or")) {
      return andOr(dot, fn.name().equals("or"), argNodes, fin);
    }
    List<Object> argv = new ArrayList<>(numIn);
    for (Node arg : argNodes) {
      argv.add(GoValues.toArgument(evalArg(dot, arg)));
    }
    if (fin != NO_FINAL) {
      argv.add(GoValues.toArgument(fin));
    }
    try {
      return fn.body().apply(argv);
    } catch (FunctionException e) {
      if (e.isTypeError()) {
        throw error(e.getMessage());
      }
      current = cmd;
      throw error("error calling " + fn.name() + ": " + e.getMessage());
    }
  }

  /** and/or stop at the first argument that decides the result, and return that argument. */
  private Object andOr(Object dot, boolean or, List<Node> argNodes, Object fin) {
    Object value = GoValues.NO_VALUE;
    for (Node arg : argNodes) {
      value = evalArg(dot, arg);
      if (GoValues.isTrue(value) == or) {
        return value;
      }
    }
    return fin != NO_FINAL ? fin : value;
  }

  private Object evalArg(Object dot, Node n) {
    current = n;
    if (n instanceof DotNode) {
      return dot;
    }
    if (n instanceof NilNode) {
      return null;
    }
    if (n instanceof FieldNode f) {
      return evalFieldNode(dot, f, List.of(n), NO_FINAL);
    }
    if (n instanceof VariableNode v) {
      return evalVariableNode(dot, v, List.of(n), NO_FINAL);
    }
    if (n instanceof PipeNode p) {
      return evalPipeline(dot, p);
    }
    if (n instanceof IdentifierNode id) {
      return evalFunction(dot, id, id, List.of(n), NO_FINAL);
    }
    if (n instanceof ChainNode c) {
      return evalChainNode(dot, c, List.of(n), NO_FINAL);
    }
    if (n instanceof BoolNode b) {
      return b.value();
    }
    if (n instanceof NumberNode num) {
      return idealConstant(num);
    }
    if (n instanceof StringNode s) {
      return s.text();
    }
    throw error("can't handle " + n + " for arg");
  }

  private void printValue(Node node, Object value) {
    current = node;
    out.append(value == GoValues.NO_VALUE || value == null ? "<no value>" : GoFmt.sprint(value));
  }

  private Object varValue(String name) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name.equals(name)) {
        return vars.get(i).value;
      }
    }
    throw error("undefined variable: " + name);
  }

  private void setVar(String name, Object value) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name.equals(name)) {
        vars.get(i).value = value;
        return;
      }
    }
    throw error("undefined variable: " + name);
  }

  private void pop(int mark) {
    vars.subList(mark, vars.size()).clear();
  }

  private TemplateException error(String message) {
    if (current == null) {
      return new TemplateException("template: " + templateName + ": " + message);
    }
    int pos = Math.min(current.pos(), text.length());
    int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    int line = 1 + (int) text.substring(0, pos).chars().filter(c -> c == '\n').count();
    String location = parseName + ":" + line + ":" + (pos - lineStart);
    return new TemplateException(
        "template: " + location + ": executing " + GoQuote.quote(templateName) + " at <" + current + ">: " + message);
  }
}
