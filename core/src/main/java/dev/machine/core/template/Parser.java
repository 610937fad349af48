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
import dev.machine.core.template.Node.ElseNode;
import dev.machine.core.template.Node.EndNode;
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
import dev.machine.core.template.Token.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's text/template parser: builds the tree of the main template and of every {@code define}d
 * or {@code block} template, checking functions and variables as Go does. Errors read
 * {@code template: NAME:LINE: MESSAGE}.
 */
final class Parser {
  private final String name;
  private final List<Token> tokens;
  private final Set<String> functions;
  private final Map<String, ListNode> trees = new LinkedHashMap<>();
  private List<String> vars = new ArrayList<>(List.of("$"));
  private int index;
  private int rangeDepth;
  private int actionLine;
  private Token last;

  /** A parsed list and the {@code {{end}}} or {@code {{else}}} that closed it. */
  private record ItemList(ListNode list, Node end) {}

  private Parser(String name, String text, Set<String> functions) {
    this.name = name;
    this.tokens = Lexer.lex(text);
    this.functions = functions;
    this.last = tokens.get(0);
  }

  /** Parses {@code text}; the result maps template names (the main one included) to bodies. */
  static Map<String, ListNode> parse(String name, String text, Set<String> functions) {
    Parser parser = new Parser(name, text, functions);
    ListNode root = parser.parseRoot();
    parser.add(name, root);
    return parser.trees;
  }

  private ListNode parseRoot() {
    List<Node> nodes = new ArrayList<>();
    int start = peek().pos();
    while (peek().kind() != Kind.EOF) {
      if (peek().kind() == Kind.LEFT_DELIM) {
        int mark = index;
        next();
        if (nextNonSpace().kind() == Kind.DEFINE) {
          parseDefinition();
          continue;
        }
        index = mark;
      }
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        throw error("unexpected " + n);
      }
      nodes.add(n);
    }
    return new ListNode(start, List.copyOf(nodes));
  }

  private void parseDefinition() {
    String context = "define clause";
    Token token = nextNonSpace();
    if (token.kind() != Kind.STRING && token.kind() != Kind.RAW_STRING) {
      throw unexpected(token, context);
    }
    String defined = unquote(token);
    expect(Kind.RIGHT_DELIM, context);
    add(defined, templateBody(context));
  }

  /** The body of a define or block, up to its {@code {{end}}}: a fresh scope with only $. */
  private ListNode templateBody(String context) {
    List<String> savedVars = vars;
    int savedDepth = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    ItemList body = itemList();
    if (!(body.end() instanceof EndNode)) {
      throw error("unexpected " + body.end() + " in " + context);
    }
    vars = savedVars;
    rangeDepth = savedDepth;
    return body.list();
  }

  /** Records a template; an empty body never replaces a non-empty one, as in Go. */
  private void add(String treeName, ListNode body) {
    ListNode existing = trees.get(treeName);
    if (existing == null || isEmpty(existing)) {
      trees.put(treeName, body);
    } else if (!isEmpty(body)) {
      throw error("template: multiple definition of template " + GoQuote.quote(treeName));
    }
  }

  private static boolean isEmpty(Node node) {
    if (node instanceof ListNode list) {
      return list.nodes().stream().allMatch(Parser::isEmpty);
    }
    return node instanceof TextNode text && text.text().isBlank();
  }

  /** Parses nodes up to the next {@code {{end}}} or {@code {{else}}}. */
  private ItemList itemList() {
    List<Node> nodes = new ArrayList<>();
    int start = peekNonSpace().pos();
    while (peekNonSpace().kind() != Kind.EOF) {
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        return new ItemList(new ListNode(start, List.copyOf(nodes)), n);
      }
      nodes.add(n);
    }
    throw error("unexpected EOF");
  }

  private Node textOrAction() {
    Token token = nextNonSpace();
    switch (token.kind()) {
      case TEXT:
        return new TextNode(token.pos(), token.val());
      case LEFT_DELIM:
        actionLine = token.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        throw unexpected(token, "input");
    }
  }

  private Node action() {
    Token token = nextNonSpace();
    switch (token.kind()) {
      case BLOCK:
        return blockControl();
      case BREAK:
      case CONTINUE:
        return loopControl(token);
      case ELSE:
        return elseControl();
      case END:
        return new EndNode(expect(Kind.RIGHT_DELIM, "end").pos());
      case IF:
        return control(BranchKind.IF);
      case RANGE:
        return control(BranchKind.RANGE);
      case TEMPLATE:
        return templateControl();
      case WITH:
        return control(BranchKind.WITH);
      default:
        backup();
        return new ActionNode(peek().pos(), pipeline("command", Kind.RIGHT_DELIM));
    }
  }

  private Node loopControl(Token keyword) {
    String word = "{{" + keyword.val() + "}}";
    Token token = nextNonSpace();
    if (token.kind() != Kind.RIGHT_DELIM) {
      throw unexpected(token, word);
    }
    if (rangeDepth == 0) {
      throw error(word + " outside {{range}}");
    }
    return keyword.kind() == Kind.BREAK ? new BreakNode(keyword.pos()) : new ContinueNode(keyword.pos());
  }

  private Node elseControl() {
    Token peek = peekNonSpace();
    if (peek.kind() == Kind.IF || peek.kind() == Kind.WITH) {
      // "{{else if ...}}" is "{{else}}{{if ...}}" needing a single {{end}}.
      return new ElseNode(peek.pos());
    }
    return new ElseNode(expect(Kind.RIGHT_DELIM, "else").pos());
  }

  private BranchNode control(BranchKind kind) {
    int varsMark = vars.size();
    try {
      PipeNode pipe = pipeline(kind.keyword(), Kind.RIGHT_DELIM);
      if (kind == BranchKind.RANGE) {
        rangeDepth++;
      }
      ItemList body = itemList();
      if (kind == BranchKind.RANGE) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (body.end() instanceof ElseNode elseNode) {
        Kind chained = kind == BranchKind.IF ? Kind.IF : kind == BranchKind.WITH ? Kind.WITH : null;
        if (chained != null && peek().kind() == chained) {
          next();
          elseList = new ListNode(elseNode.pos(), List.of(control(kind)));
        } else {
          ItemList elseBody = itemList();
          if (!(elseBody.end() instanceof EndNode)) {
            throw error("expected end; found " + elseBody.end());
          }
          elseList = elseBody.list();
        }
      }
      return new BranchNode(pipe.pos(), kind, pipe, body.list(), elseList);
    } finally {
      vars.subList(varsMark, vars.size()).clear();
    }
  }

  private Node templateControl() {
    String context = "template clause";
    Token token = nextNonSpace();
    String templateName = templateName(token, context);
    PipeNode pipe = null;
    if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Kind.RIGHT_DELIM);
    }
    return new TemplateNode(token.pos(), templateName, pipe);
  }

  private Node blockControl() {
    String context = "block clause";
    Token token = nextNonSpace();
    String blockName = templateName(token, context);
    PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
    add(blockName, templateBody(context));
    return new TemplateNode(token.pos(), blockName, pipe);
  }

  private String templateName(Token token, String context) {
    if (token.kind() != Kind.STRING && token.kind() != Kind.RAW_STRING) {
      throw unexpected(token, context);
    }
    return unquote(token);
  }

  private PipeNode pipeline(String context, Kind end) {
    int pos = peekNonSpace().pos();
    boolean isAssign = false;
    List<VariableNode> decl = new ArrayList<>();
    while (peekNonSpace().kind() == Kind.VARIABLE) {
      int mark = index;
      Token v = next();
      Token following = peekNonSpace();
      if (following.kind() == Kind.ASSIGN || following.kind() == Kind.DECLARE) {
        isAssign = following.kind() == Kind.ASSIGN;
        nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        break;
      } else if (following.kind() == Kind.CHAR && following.val().equals(",")) {
        nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        if (context.equals("range") && decl.size() < 2) {
          Kind k = peekNonSpace().kind();
          if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
            continue;
          }
          throw error("range can only initialize variables");
        }
        throw error("too many declarations in " + context);
      } else {
        // An operand such as "$x" or "$x.Field", not a declaration: reread it as a command.
        index = mark;
        break;
      }
    }
    List<CommandNode> cmds = new ArrayList<>();
    while (true) {
      Token token = nextNonSpace();
      if (token.kind() == end) {
        checkPipeline(cmds, context);
        return new PipeNode(pos, isAssign, List.copyOf(decl), List.copyOf(cmds));
      }
      switch (token.kind()) {
        case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
            LEFT_PAREN -> {
          backup();
          cmds.add(command());
        }
        default -> throw unexpected(token, context);
      }
    }
  }

  private void checkPipeline(List<CommandNode> cmds, String context) {
    if (cmds.isEmpty()) {
      throw error("missing value for " + context);
    }
    for (int i = 1; i < cmds.size(); i++) {
      Node first = cmds.get(i).args().get(0);
      if (first instanceof BoolNode
          || first instanceof DotNode
          || first instanceof NilNode
          || first instanceof NumberNode
          || first instanceof StringNode) {
        throw error("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private CommandNode command() {
    int pos = peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token token = next();
      if (token.kind() == Kind.SPACE) {
        continue;
      }
      if (token.kind() == Kind.RIGHT_DELIM || token.kind() == Kind.RIGHT_PAREN) {
        backup();
      } else if (token.kind() != Kind.PIPE) {
        throw unexpected(token, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw error("empty command");
    }
    return new CommandNode(pos, List.copyOf(args));
  }

  private Node operand() {
    Node node = term();
    if (node == null || peek().kind() != Kind.FIELD) {
      return node;
    }
    List<String> fields = new ArrayList<>();
    while (peek().kind() == Kind.FIELD) {
      fields.add(next().val().substring(1));
    }
    if (node instanceof FieldNode field) {
      List<String> idents = new ArrayList<>(field.idents());
      idents.addAll(fields);
      return new FieldNode(field.pos(), List.copyOf(idents));
    }
    if (node instanceof VariableNode variable) {
      List<String> idents = new ArrayList<>(variable.idents());
      idents.addAll(fields);
      return new VariableNode(variable.pos(), List.copyOf(idents));
    }
    if (node instanceof BoolNode
        || node instanceof StringNode
        || node instanceof NumberNode
        || node instanceof NilNode
        || node instanceof DotNode) {
      throw error("unexpected . after term " + GoQuote.quote(node.toString()));
    }
    return new ChainNode(node.pos(), node, List.copyOf(fields));
  }

  private Node term() {
    Token token = nextNonSpace();
    switch (token.kind()) {
      case IDENTIFIER:
        if (!functions.contains(token.val())) {
          throw error("function " + GoQuote.quote(token.val()) + " not defined");
        }
        return new IdentifierNode(token.pos(), token.val());
      case DOT:
        return new DotNode(token.pos());
      case NIL:
        return new NilNode(token.pos());
      case VARIABLE:
        return useVariable(token);
      case FIELD:
        return new FieldNode(token.pos(), List.of(token.val().substring(1).split("\\.")));
      case BOOL:
        return new BoolNode(token.pos(), token.val().equals("true"));
      case CHAR_CONSTANT:
      case NUMBER:
        return NumberParser.parse(token, this::error);
      case LEFT_PAREN:
        return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
      case STRING:
      case RAW_STRING:
        return new StringNode(token.pos(), token.val(), unquote(token));
      default:
        backup();
        return null;
    }
  }

  private Node useVariable(Token token) {
    List<String> idents = Arrays.asList(token.val().split("\\."));
    if (!vars.contains(idents.get(0))) {
      throw error("undefined variable " + GoQuote.quote(idents.get(0)));
    }
    return new VariableNode(token.pos(), List.copyOf(idents));
  }

  private String unquote(Token token) {
    try {
      return GoStrings.unquote(token.val());
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private Token expect(Kind expected, String context) {
    Token token = nextNonSpace();
    if (token.kind() != expected) {
      throw unexpected(token, context);
    }
    return token;
  }

  private TemplateException unexpected(Token token, String context) {
    if (token.kind() == Kind.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line()) {
        extra = " in action started at " + name + ":" + actionLine;
      }
      return error(token.val() + extra);
    }
    return error("unexpected " + token + " in " + context);
  }

  TemplateException error(String message) {
    return new TemplateException("template: " + name + ":" + last.line() + ": " + message);
  }

  private Token next() {
    Token token = current();
    index++;
    last = token;
    return token;
  }

  /** The token at the cursor; the final EOF or ERROR token repeats forever. */
  private Token current() {
    return tokens.get(Math.min(index, tokens.size() - 1));
  }

  private void backup() {
    index--;
  }

  private Token peek() {
    Token token = current();
    last = token;
    return token;
  }

  private Token nextNonSpace() {
    Token token;
    do {
      token = next();
    } while (token.kind() == Kind.SPACE);
    return token;
  }

  private Token peekNonSpace() {
    while (current().kind() == Kind.SPACE) {
      index++;
    }
    return peek();
  }
}
