package dev.machine.core.template;

/**
 * A template function failed. The executor reports it as Go does: {@code error calling NAME:
 * MESSAGE}, or as a bare message for an argument of the wrong type ({@link #isTypeError()}).
 */
final class FunctionException extends RuntimeException {
  private final boolean typeError;

  FunctionException(String message) {
    this(message, false);
  }

  private FunctionException(String message, boolean typeError) {
    super(message);
    this.typeError = typeError;
  }

  /** An argument that Go would have rejected before the call ("wrong type for value; ..."). */
  static FunctionException wrongType(String expected, Object got) {
    return new FunctionException(
        "wrong type for value; expected " + expected + "; got " + GoValues.typeName(got), true);
  }

  boolean isTypeError() {
    return typeError;
  }
}
