package dev.machine.core.template;

import dev.machine.core.golang.GoQuote;

/** One lexical item of a template: its kind, its text, its offset and line in the source. */
record Token(Kind kind, String val, int pos, int line) {

  enum Kind {
    ERROR,
    EOF,
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    ASSIGN,
    DECLARE,
    PIPE,
    CHAR,
    LEFT_PAREN,
    RIGHT_PAREN,
    STRING,
    RAW_STRING,
    CHAR_CONSTANT,
    NUMBER,
    BOOL,
    FIELD,
    VARIABLE,
    IDENTIFIER,
    // Keywords: everything after this marker prints as <word> in errors.
    DOT,
    NIL,
    BLOCK,
    BREAK,
    CONTINUE,
    DEFINE,
    ELSE,
    END,
    IF,
    RANGE,
    TEMPLATE,
    WITH;

    boolean isKeyword() {
      return ordinal() >= DOT.ordinal();
    }
  }

  /** How Go's parser shows an item in "unexpected X" errors. */
  @Override
  public String toString() {
    if (kind == Kind.EOF) {
      return "EOF";
    }
    if (kind == Kind.ERROR) {
      return val;
    }
    if (kind.isKeyword()) {
      return "<" + val + ">";
    }
    if (val.codePointCount(0, val.length()) > 10) {
      return GoQuote.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
    }
    return GoQuote.quote(val);
  }
}
