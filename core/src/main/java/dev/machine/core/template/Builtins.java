package dev.machine.core.template;

import dev.machine.core.golang.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions a template can call: Go's builtins (and, or, not, len, index, slice, call, eq, ne,
 * lt, le, gt, ge, print, printf, println, html, js, urlquery), Docker Machine's {@code json} and
 * {@code prettyjson}, and the docker CLI's {@code join}, {@code split}, {@code lower},
 * {@code upper}, {@code title}, {@code truncate} and {@code pad}.
 */
final class Builtins {
  /** A function body; arguments arrive as plain values (nil as null) and may be null. */
  @FunctionalInterface
  interface Body {
    Object apply(List<Object> args);
  }

  /** A function: {@code arity} fixed parameters, plus any number more when variadic. */
  record Function(String name, int arity, boolean variadic, Body body) {}

  private static final Map<String, Function> FUNCTIONS = build();

  private Builtins() {}

  static Function get(String name) {
    return FUNCTIONS.get(name);
  }

  static java.util.Set<String> names() {
    return FUNCTIONS.keySet();
  }

  private static Map<String, Function> build() {
    Map<String, Function> m = new TreeMap<>();
    // and/or short-circuit, so the executor evaluates them itself; these entries give arity.
    add(m, "and", 1, true, a -> a.get(a.size() - 1));
    add(m, "or", 1, true, a -> a.get(a.size() - 1));
    add(m, "not", 1, false, a -> !GoValues.isTrue(a.get(0)));
    add(m, "len", 1, false, a -> length(a.get(0)));
    add(m, "index", 1, true, a -> index(a.get(0), a.subList(1, a.size())));
    add(m, "slice", 1, true, a -> slice(a.get(0), a.subList(1, a.size())));
    add(m, "call", 1, true, a -> call(a.get(0)));
    add(m, "eq", 1, true, a -> Comparisons.eq(a.get(0), a.subList(1, a.size())));
    add(m, "ne", 2, false, a -> !Comparisons.eq(a.get(0), a.subList(1, 2)));
    add(m, "lt", 2, false, a -> Comparisons.lt(a.get(0), a.get(1)));
    add(m, "le", 2, false, a -> Comparisons.le(a.get(0), a.get(1)));
    add(m, "gt", 2, false, a -> !Comparisons.le(a.get(0), a.get(1)));
    add(m, "ge", 2, false, a -> !Comparisons.lt(a.get(0), a.get(1)));
    add(m, "print", 0, true, GoFmt::sprint);
    add(m, "println", 0, true, GoFmt::sprintln);
    add(m, "printf", 1, true, a -> GoFmt.sprintf(string(a.get(0)), a.subList(1, a.size())));
    add(m, "html", 0, true, a -> GoStrings.htmlEscape(evalArgs(a)));
    add(m, "js", 0, true, a -> GoStrings.jsEscape(evalArgs(a)));
    add(m, "urlquery", 0, true, a -> GoStrings.urlQueryEscape(evalArgs(a)));
    // Docker Machine's inspect functions; Go ignores Marshal errors, leaving "".
    add(m, "json", 1, false, a -> json(a.get(0), null));
    add(m, "prettyjson", 1, false, a -> json(a.get(0), "    "));
    // The docker CLI's helpers, handy in ls formats.
    add(m, "join", 2, false, a -> join(a.get(0), string(a.get(1))));
    add(m, "split", 2, false, a -> split(string(a.get(0)), string(a.get(1))));
    add(m, "lower", 1, false, a -> string(a.get(0)).toLowerCase(Locale.ROOT));
    add(m, "upper", 1, false, a -> string(a.get(0)).toUpperCase(Locale.ROOT));
    add(m, "title", 1, false, a -> GoStrings.title(string(a.get(0))));
    add(m, "truncate", 2, false, a -> truncate(string(a.get(0)), integer(a.get(1))));
    add(m, "pad", 3, false, a -> pad(string(a.get(0)), integer(a.get(1)), integer(a.get(2))));
    return Collections.unmodifiableMap(m);
  }

  private static void add(Map<String, Function> m, String name, int arity, boolean variadic, Body body) {
    m.put(name, new Function(name, arity, variadic, body));
  }

  private static String string(Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw FunctionException.wrongType("string", v);
  }

  private static int integer(Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw FunctionException.wrongType("int", v);
  }

  private static Object length(Object v) {
    if (v == null) {
      throw new FunctionException("len of untyped nil");
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
    if (v instanceof Map<?, ?> map) {
      return map.size();
    }
    if (GoValues.isList(v)) {
      return GoValues.asList(v).size();
    }
    throw new FunctionException("len of type " + GoValues.typeName(v));
  }

  private static Object index(Object item, List<Object> indexes) {
    if (item == null) {
      throw new FunctionException("index of untyped nil");
    }
    Object v = item;
    for (Object index : indexes) {
      if (v == null) {
        throw new FunctionException("index of nil pointer");
      }
      if (v instanceof String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        v = bytes[indexArg(index, bytes.length - 1)] & 0xff;
      } else if (GoValues.isList(v)) {
        List<?> list = GoValues.asList(v);
        v = list.get(indexArg(index, list.size() - 1));
      } else if (v instanceof Map<?, ?> map) {
        if (index == null) {
          throw new FunctionException("value is nil; should be of type string");
        }
        if (!(index instanceof String)) {
          throw new FunctionException("value has type " + GoValues.typeName(index) + "; should be string");
        }
        v = map.get(index);
      } else {
        throw new FunctionException("can't index item of type " + GoValues.typeName(v));
      }
    }
    return v;
  }

  /** An index in [0, max], as Go's indexArg checks it. */
  private static int indexArg(Object index, int max) {
    if (index == null) {
      throw new FunctionException("cannot index slice/array with nil");
    }
    if (!GoValues.isInteger(index) && !(index instanceof Character)) {
      throw new FunctionException("cannot index slice/array with type " + GoValues.typeName(index));
    }
    long x = index instanceof Character c ? c : ((Number) index).longValue();
    if (x < 0 || x > max) {
      throw new FunctionException("index out of range: " + x);
    }
    return (int) x;
  }

  private static Object slice(Object item, List<Object> indexes) {
    if (item == null) {
      throw new FunctionException("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new FunctionException("too many slice indexes: " + indexes.size());
    }
    int len;
    byte[] bytes = null;
    List<?> list = null;
    if (item instanceof String s) {
      if (indexes.size() == 3) {
        throw new FunctionException("cannot 3-index slice a string");
      }
      bytes = s.getBytes(StandardCharsets.UTF_8);
      len = bytes.length;
    } else if (GoValues.isList(item)) {
      list = GoValues.asList(item);
      len = list.size();
    } else {
      throw new FunctionException("can't slice item of type " + GoValues.typeName(item));
    }
    int[] idx = {0, len, len};
    for (int i = 0; i < indexes.size(); i++) {
      idx[i] = indexArg(indexes.get(i), len);
    }
    if (idx[0] > idx[1]) {
      throw new FunctionException("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (indexes.size() == 3 && idx[1] > idx[2]) {
      throw new FunctionException("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (bytes != null) {
      return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
    }
    return new ArrayList<>(list.subList(idx[0], idx[1]));
  }

  private static Object call(Object fn) {
    if (fn == null) {
      throw new FunctionException("call of nil");
    }
    // Template data never hold Go functions, so there is nothing callable.
    throw new FunctionException("non-function of type " + GoValues.typeName(fn));
  }

  /** html/js/urlquery's evalArgs: a lone string as is, otherwise fmt.Sprint, nil as <no value>. */
  private static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    List<Object> printable = new ArrayList<>(args.size());
    for (Object a : args) {
      printable.add(a == null ? "<no value>" : a);
    }
    return GoFmt.sprint(printable);
  }

  private static String json(Object v, String indent) {
    try {
      return indent == null ? GoJson.marshal(v) : GoJson.marshalIndent(v, indent);
    } catch (GoJson.UnsupportedValueException e) {
      return "";
    }
  }

  private static String join(Object list, String sep) {
    if (list == null) {
      return "";
    }
    if (!GoValues.isList(list)) {
      throw FunctionException.wrongType("[]string", list);
    }
    List<String> parts = new ArrayList<>();
    for (Object o : GoValues.asList(list)) {
      parts.add(o instanceof String s ? s : GoFmt.sprint(o));
    }
    return String.join(sep, parts);
  }

  /** strings.Split: an empty separator splits into characters; "" gives [""]. */
  private static List<Object> split(String s, String sep) {
    List<Object> parts = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
      return parts;
    }
    int from = 0;
    for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, from)) {
      parts.add(s.substring(from, at));
      from = at + sep.length();
    }
    parts.add(s.substring(from));
    return parts;
  }

  private static String truncate(String s, int length) {
    if (length < 0 || s.codePointCount(0, s.length()) <= length) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, length));
  }

  private static String pad(String s, int prefix, int suffix) {
    if (s.isEmpty()) {
      return s;
    }
    return " ".repeat(Math.max(prefix, 0)) + s + " ".repeat(Math.max(suffix, 0));
  }
}
