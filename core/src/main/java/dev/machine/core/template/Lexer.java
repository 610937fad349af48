package dev.machine.core.template;

import dev.machine.core.golang.GoQuote;
import dev.machine.core.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits template text into {@link Token}s as Go's text/template lexer does: text between actions,
 * and inside {@code {{ }}} words, literals, fields, variables and punctuation. Trim markers
 * ({@code {{- } and { -}}}) remove the adjacent white space; comments vanish. Lexing stops at the
 * first error, which becomes an {@link Kind#ERROR} token for the parser to report.
 */
final class Lexer {
  private static final String LEFT_DELIM = "{{";
  private static final String RIGHT_DELIM = "}}";
  private static final String LEFT_COMMENT = "/*";
  private static final String RIGHT_COMMENT = "*/";
  private static final Map<String, Kind> KEYWORDS =
      Map.ofEntries(
          Map.entry("block", Kind.BLOCK),
          Map.entry("break", Kind.BREAK),
          Map.entry("continue", Kind.CONTINUE),
          Map.entry("define", Kind.DEFINE),
          Map.entry("else", Kind.ELSE),
          Map.entry("end", Kind.END),
          Map.entry("if", Kind.IF),
          Map.entry("range", Kind.RANGE),
          Map.entry("nil", Kind.NIL),
          Map.entry("template", Kind.TEMPLATE),
          Map.entry("with", Kind.WITH),
          Map.entry("true", Kind.BOOL),
          Map.entry("false", Kind.BOOL));

  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int start;
  private int parenDepth;
  private int line = 1;
  private int linePos;

  private Lexer(String input) {
    this.input = input;
  }

  /** All tokens of {@code input}, ending with an EOF or an ERROR token. */
  static List<Token> lex(String input) {
    Lexer lexer = new Lexer(input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (lexText()) {
      if (!lexAction()) {
        return;
      }
    }
  }

  /** Emits the text up to the next action; false when the input ended (EOF emitted) or failed. */
  private boolean lexText() {
    while (true) {
      int x = input.indexOf(LEFT_DELIM, pos);
      if (x < 0) {
        pos = input.length();
        if (pos > start) {
          emit(Kind.TEXT);
        }
        emit(Kind.EOF);
        return false;
      }
      int afterDelim = x + LEFT_DELIM.length();
      boolean trim = hasLeftTrimMarker(afterDelim);
      int textEnd = trim ? trimRight(start, x) : x;
      if (textEnd > start) {
        tokens.add(token(Kind.TEXT, input.substring(start, textEnd), start));
      }
      int afterMarker = afterDelim + (trim ? 2 : 0);
      if (input.startsWith(LEFT_COMMENT, afterMarker)) {
        start = x;
        if (!lexComment(afterMarker)) {
          return false;
        }
        continue;
      }
      tokens.add(token(Kind.LEFT_DELIM, LEFT_DELIM, x));
      pos = afterMarker;
      start = pos;
      parenDepth = 0;
      return true;
    }
  }

  private boolean lexComment(int commentStart) {
    int end = input.indexOf(RIGHT_COMMENT, commentStart + LEFT_COMMENT.length());
    if (end < 0) {
      return error("unclosed comment");
    }
    pos = end + RIGHT_COMMENT.length();
    int delim = rightDelimLength(pos);
    if (delim == 0) {
      return error("comment ends before closing delimiter");
    }
    pos += delim;
    if (delim > RIGHT_DELIM.length()) {
      pos = trimLeft(pos);
    }
    start = pos;
    return true;
  }

  /** Lexes one action after its left delimiter; false on error. */
  private boolean lexAction() {
    while (true) {
      int delim = rightDelimLength(pos);
      if (delim > 0) {
        if (parenDepth > 0) {
          return error("unclosed left paren");
        }
        int delimPos = pos + delim - RIGHT_DELIM.length();
        tokens.add(token(Kind.RIGHT_DELIM, RIGHT_DELIM, delimPos));
        pos += delim;
        if (delim > RIGHT_DELIM.length()) {
          pos = trimLeft(pos);
        }
        start = pos;
        return true;
      }
      if (pos >= input.length()) {
        return error("unclosed action");
      }
      start = pos;
      char c = input.charAt(pos);
      boolean ok;
      if (isSpace(c)) {
        ok = lexSpace();
      } else if (c == '=') {
        pos++;
        ok = emit(Kind.ASSIGN);
      } else if (c == ':') {
        pos++;
        if (pos >= input.length() || input.charAt(pos) != '=') {
          return error("expected :=");
        }
        pos++;
        ok = emit(Kind.DECLARE);
      } else if (c == '|') {
        pos++;
        ok = emit(Kind.PIPE);
      } else if (c == '"') {
        ok = lexQuote();
      } else if (c == '`') {
        ok = lexRawQuote();
      } else if (c == '$') {
        pos++;
        ok = lexFieldOrVariable(Kind.VARIABLE);
      } else if (c == '\'') {
        ok = lexChar();
      } else if (c == '.' && !(pos + 1 < input.length() && isDigit(input.charAt(pos + 1)))) {
        pos++;
        ok = lexFieldOrVariable(Kind.FIELD);
      } else if (c == '.' || c == '+' || c == '-' || isDigit(c)) {
        ok = lexNumber();
      } else if (isAlphaNumeric(c)) {
        ok = lexIdentifier();
      } else if (c == '(') {
        pos++;
        parenDepth++;
        ok = emit(Kind.LEFT_PAREN);
      } else if (c == ')') {
        pos++;
        parenDepth--;
        if (parenDepth < 0) {
          return error("unexpected right paren");
        }
        ok = emit(Kind.RIGHT_PAREN);
      } else if (c < 0x7f && c >= ' ') {
        pos++;
        ok = emit(Kind.CHAR);
      } else {
        return error("unrecognized character in action: " + GoStrings.unicodeNotation(input.codePointAt(pos)));
      }
      if (!ok) {
        return false;
      }
    }
  }

  private boolean lexSpace() {
    int spaces = 0;
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
      spaces++;
    }
    // " -}}" closes the action with a trim marker: leave its space to the delimiter check.
    if (rightDelimLength(pos - 1) > RIGHT_DELIM.length()) {
      pos--;
      if (spaces == 1) {
        return true;
      }
    }
    return emit(Kind.SPACE);
  }

  private boolean lexQuote() {
    pos++;
    while (true) {
      if (pos >= input.length()) {
        return error("unterminated quoted string");
      }
      char c = input.charAt(pos++);
      if (c == '\\') {
        if (pos >= input.length() || input.charAt(pos) == '\n') {
          return error("unterminated quoted string");
        }
        pos++;
      } else if (c == '\n') {
        return error("unterminated quoted string");
      } else if (c == '"') {
        return emit(Kind.STRING);
      }
    }
  }

  private boolean lexRawQuote() {
    int end = input.indexOf('`', pos + 1);
    if (end < 0) {
      return error("unterminated raw quoted string");
    }
    pos = end + 1;
    return emit(Kind.RAW_STRING);
  }

  private boolean lexChar() {
    pos++;
    while (true) {
      if (pos >= input.length()) {
        return error("unterminated character constant");
      }
      char c = input.charAt(pos++);
      if (c == '\\') {
        if (pos >= input.length() || input.charAt(pos) == '\n') {
          return error("unterminated character constant");
        }
        pos++;
      } else if (c == '\n') {
        return error("unterminated character constant");
      } else if (c == '\'') {
        return emit(Kind.CHAR_CONSTANT);
      }
    }
  }

  /** After '$' or '.': a bare "$"/"." or a name such as "$x"/".Name". */
  private boolean lexFieldOrVariable(Kind kind) {
    if (atTerminator()) {
      return emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT);
    }
    while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      return error("bad character " + GoStrings.unicodeNotation(input.codePointAt(pos)));
    }
    return emit(kind);
  }

  private boolean lexIdentifier() {
    while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      return error("bad character " + GoStrings.unicodeNotation(input.codePointAt(pos)));
    }
    Kind keyword = KEYWORDS.get(input.substring(start, pos));
    return emit(keyword != null ? keyword : Kind.IDENTIFIER);
  }

  private boolean lexNumber() {
    if (!scanNumber()) {
      return error("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
    }
    return emit(Kind.NUMBER);
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      pos++;
      return false;
    }
    return true;
  }

  private boolean accept(String valid) {
    if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // consume
    }
  }

  private boolean atTerminator() {
    if (pos >= input.length()) {
      return true;
    }
    char c = input.charAt(pos);
    return isSpace(c) || ".,|:)(".indexOf(c) >= 0 || input.startsWith(RIGHT_DELIM, pos);
  }

  /** Length of a right delimiter at {@code at}: 4 for " -}}", 2 for "}}", 0 for none. */
  private int rightDelimLength(int at) {
    if (at + 1 < input.length()
        && isSpace(input.charAt(at))
        && input.charAt(at + 1) == '-'
        && input.startsWith(RIGHT_DELIM, at + 2)) {
      return 2 + RIGHT_DELIM.length();
    }
    return input.startsWith(RIGHT_DELIM, at) ? RIGHT_DELIM.length() : 0;
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private int trimRight(int from, int to) {
    while (to > from && isSpace(input.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private int trimLeft(int from) {
    while (from < input.length() && isSpace(input.charAt(from))) {
      from++;
    }
    return from;
  }

  private boolean emit(Kind kind) {
    tokens.add(token(kind, input.substring(start, pos), start));
    start = pos;
    return true;
  }

  private boolean error(String message) {
    tokens.add(token(Kind.ERROR, message, start));
    return false;
  }

  private Token token(Kind kind, String val, int at) {
    return new Token(kind, val, at, lineAt(at));
  }

  /** The 1-based line of offset {@code at}; tokens come in order, so count on from the last one. */
  private int lineAt(int at) {
    if (at < linePos) {
      linePos = 0;
      line = 1;
    }
    for (int i = input.indexOf('\n', linePos); i >= 0 && i < at; i = input.indexOf('\n', i + 1)) {
      line++;
      linePos = i + 1;
    }
    return line;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlphaNumeric(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
