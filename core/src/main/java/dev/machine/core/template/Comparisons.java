package dev.machine.core.template;

import java.util.List;
import java.util.Map;

/**
 * Go's template comparison functions (eq, ne, lt, le, gt, ge) over basic kinds. Unlike Go,
 * integers and floats compare by value ({@code eq .Port 22.0}) because JSON numbers are floats
 * in Go but may be integers here.
 */
final class Comparisons {
  private Comparisons() {}

  private enum Kind {
    INVALID,
    BOOL,
    INT,
    FLOAT,
    STRING,
    OTHER
  }

  private static Kind kind(Object v) {
    if (v == null || v == GoValues.NO_VALUE || v instanceof GoValues.NilPointer) {
      return Kind.INVALID;
    }
    if (v instanceof Boolean) {
      return Kind.BOOL;
    }
    if (GoValues.isInteger(v) || v instanceof Character) {
      return Kind.INT;
    }
    if (GoValues.isFloat(v)) {
      return Kind.FLOAT;
    }
    if (v instanceof String) {
      return Kind.STRING;
    }
    return Kind.OTHER;
  }

  private static boolean isNumber(Kind k) {
    return k == Kind.INT || k == Kind.FLOAT;
  }

  private static double number(Object v) {
    return v instanceof Character c ? c : ((Number) v).doubleValue();
  }

  private static long integer(Object v) {
    return v instanceof Character c ? c : ((Number) v).longValue();
  }

  /** eq arg1 arg2...: true if arg1 equals any of the others. */
  static boolean eq(Object a, List<Object> others) {
    if (others.isEmpty()) {
      throw new FunctionException("missing argument for comparison");
    }
    Kind k1 = kind(a);
    for (Object b : others) {
      Kind k2 = kind(b);
      boolean truth;
      if (k1 != k2) {
        if (isNumber(k1) && isNumber(k2)) {
          truth = number(a) == number(b);
        } else if (k1 != Kind.INVALID && k2 != Kind.INVALID) {
          throw incompatible(a, b);
        } else {
          truth = false;
        }
      } else {
        truth =
            switch (k1) {
              case BOOL, STRING -> a.equals(b);
              case INT -> integer(a) == integer(b);
              case FLOAT -> number(a) == number(b);
              case INVALID -> true;
              case OTHER -> {
                checkComparable(a);
                checkComparable(b);
                yield a.equals(b);
              }
            };
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static void checkComparable(Object v) {
    if (v instanceof Map<?, ?> || GoValues.isList(v)) {
      throw new FunctionException(
          "non-comparable type " + GoFmt.sprint(v) + ": " + GoValues.typeName(v));
    }
  }

  /** lt a b. */
  static boolean lt(Object a, Object b) {
    Kind k1 = basicKind(a);
    Kind k2 = basicKind(b);
    if (k1 != k2) {
      if (isNumber(k1) && isNumber(k2)) {
        return number(a) < number(b);
      }
      throw incompatible(a, b);
    }
    return switch (k1) {
      case INT -> integer(a) < integer(b);
      case FLOAT -> number(a) < number(b);
      case STRING -> ((String) a).compareTo((String) b) < 0;
      default -> throw new FunctionException("invalid type for comparison");
    };
  }

  static boolean le(Object a, Object b) {
    return lt(a, b) || eq(a, java.util.Collections.singletonList(b));
  }

  private static Kind basicKind(Object v) {
    Kind k = kind(v);
    if (k == Kind.INVALID || k == Kind.OTHER) {
      throw new FunctionException("invalid type for comparison");
    }
    return k;
  }

  private static FunctionException incompatible(Object a, Object b) {
    return new FunctionException(
        "incompatible types for comparison: " + GoValues.typeName(a) + " and " + GoValues.typeName(b));
  }
}
