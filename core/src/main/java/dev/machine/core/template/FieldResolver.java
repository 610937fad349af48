package dev.machine.core.template;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.machine.core.template.GoValues.NilPointer;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code .Name} on a Java object standing for a Go struct. A field named like a Go exported
 * field ({@code .DriverName}) matches, in order: a record component with that
 * {@code @JsonProperty} name or that name ignoring case ({@code driverName}), a public no-argument
 * method {@code DriverName()}, {@code driverName()}, {@code getDriverName()} or
 * {@code isDriverName()}, then a public field. A null result becomes Go's zero value for strings,
 * booleans, numbers, lists and maps, and a nil pointer otherwise.
 */
final class FieldResolver {
  private FieldResolver() {}

  /** True for values that Go would see as structs (anything but basic values and containers). */
  static boolean isStruct(Object v) {
    return v != null
        && v != GoValues.NO_VALUE
        && !(v instanceof String
            || v instanceof Number
            || v instanceof Boolean
            || v instanceof Character
            || v instanceof Map<?, ?>
            || v instanceof NilPointer
            || GoValues.isList(v));
  }

  /** The value of field {@code name} of {@code target}, or empty when it has none. */
  static Optional<Object> resolve(Object target, String name) {
    if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
      return Optional.empty();
    }
    Class<?> type = target.getClass();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        JsonProperty json = c.getAnnotation(JsonProperty.class);
        if ((json != null && json.value().equals(name)) || c.getName().equalsIgnoreCase(name)) {
          return Optional.of(zeroIfNull(componentValue(target, c), c.getType()));
        }
      }
    }
    Method method = findMethod(type, name);
    if (method != null) {
      return Optional.of(zeroIfNull(invoke(method, target), method.getReturnType()));
    }
    for (Field f : type.getFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && f.getName().equalsIgnoreCase(name)) {
        try {
          return Optional.of(zeroIfNull(f.get(target), f.getType()));
        } catch (IllegalAccessException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static Method findMethod(Class<?> type, String name) {
    Method best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || m.getReturnType() == void.class
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      String n = m.getName();
      int rank =
          n.equals(name) ? 0
              : n.equalsIgnoreCase(name) ? 1
              : n.equalsIgnoreCase("get" + name) ? 2
              : n.equalsIgnoreCase("is" + name) ? 3
              : Integer.MAX_VALUE;
      if (rank < bestRank) {
        best = m;
        bestRank = rank;
      }
    }
    return best;
  }

  /** The value of a record component (through its accessor). */
  static Object componentValue(Object record, RecordComponent c) {
    return invoke(c.getAccessor(), record);
  }

  private static Object invoke(Method m, Object target) {
    try {
      trySetAccessible(m);
      return m.invoke(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + m.getName() + " of " + target.getClass().getName(), e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static void trySetAccessible(AccessibleObject o) {
    // Records and classes that are not public need this even for public accessors.
    o.trySetAccessible();
  }

  private static Object zeroIfNull(Object value, Class<?> type) {
    if (value != null) {
      return value;
    }
    if (type == String.class || type == CharSequence.class) {
      return "";
    }
    if (type == Boolean.class) {
      return false;
    }
    if (Number.class.isAssignableFrom(type)) {
      return type == Double.class || type == Float.class ? (Object) 0.0 : (Object) 0L;
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return List.of();
    }
    if (Map.class.isAssignableFrom(type)) {
      return Map.of();
    }
    return new NilPointer("*" + type.getSimpleName());
  }

  /** The Go-style exported name of a Java component: {@code driverName} → {@code DriverName}. */
  static String goName(String javaName) {
    return javaName.isEmpty() ? javaName : javaName.substring(0, 1).toUpperCase(Locale.ROOT) + javaName.substring(1);
  }
}
