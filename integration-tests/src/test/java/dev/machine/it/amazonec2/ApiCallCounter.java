package dev.machine.it.amazonec2;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the EC2 API requests the code under test sends, by operation. Registered as an SDK global
 * interceptor (test resources), which is why its counts are static: the SDK instantiates it. Calls
 * made by the tests' own checking client ({@link MotoEmulator#CHECK_AGENT} in the user agent) are
 * not counted.
 */
public final class ApiCallCounter implements ExecutionInterceptor {
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String agent = context.httpRequest().firstMatchingHeader("User-Agent").orElse("");
    if (agent.contains(MotoEmulator.CHECK_AGENT)) {
      return;
    }
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    COUNTS.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
  }

  static void reset() {
    COUNTS.clear();
  }

  /** Requests per operation since the last reset, sorted by name. */
  static Map<String, Integer> counts() {
    Map<String, Integer> out = new TreeMap<>();
    COUNTS.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  static int count(String operation) {
    AtomicInteger n = COUNTS.get(operation);
    return n == null ? 0 : n.get();
  }

  static int total() {
    return COUNTS.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
