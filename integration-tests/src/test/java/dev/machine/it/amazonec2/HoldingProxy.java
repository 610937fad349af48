package dev.machine.it.amazonec2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An HTTP proxy in front of the EC2 emulator that can hold one request: the first one sent once a
 * condition holds (e.g. "the machine's saved config has its key pair name"). The CLI saves each
 * resource before the call that makes the next one, so holding that call stops the create at an
 * exact step, for as long as a test needs to signal it; a poll of the config file could miss a
 * step that lasts a few milliseconds.
 */
final class HoldingProxy implements AutoCloseable {
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "content-length", "connection", "transfer-encoding", "expect");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String target;
  private final Object lock = new Object();
  private BooleanSupplier holdWhen;
  private CountDownLatch held = new CountDownLatch(1);
  private CountDownLatch released = new CountDownLatch(1);
  private volatile String heldAction;

  private HoldingProxy(HttpServer server, String target) {
    this.server = server;
    this.target = target;
  }

  /** A proxy on a free loopback port that forwards to {@code target} (e.g. http://127.0.0.1:5000). */
  static HoldingProxy start(String target) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    HoldingProxy proxy = new HoldingProxy(server, target);
    server.createContext("/", proxy::handle);
    server.setExecutor(proxy.threads);
    server.start();
    return proxy;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Holds the first request that arrives while {@code condition} holds, until {@link #release()}. */
  void holdFirstRequestWhen(BooleanSupplier condition) {
    synchronized (lock) {
      holdWhen = condition;
      held = new CountDownLatch(1);
      released = new CountDownLatch(1);
      heldAction = null;
    }
  }

  /** The EC2 action of the held request, once one is held; null if none came within {@code timeout}. */
  String awaitHeld(Duration timeout) throws InterruptedException {
    CountDownLatch h;
    synchronized (lock) {
      h = held;
    }
    return h.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? heldAction : null;
  }

  /** Lets the held request (and any later one) through. */
  void release() {
    synchronized (lock) {
      holdWhen = null;
      released.countDown();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      CountDownLatch waitFor = null;
      synchronized (lock) {
        if (holdWhen != null && holdWhen.getAsBoolean()) {
          holdWhen = null;
          heldAction = action(body);
          waitFor = released;
          held.countDown();
        }
      }
      if (waitFor != null) {
        try {
          waitFor.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      forward(exchange, body);
    }
  }

  private static String action(byte[] body) {
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.startsWith("Action=")) {
        return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
      }
    }
    return "?";
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) URI.create(target + exchange.getRequestURI()).toURL().openConnection();
    c.setRequestMethod(exchange.getRequestMethod());
    for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
      if (!NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
        h.getValue().forEach(v -> c.addRequestProperty(h.getKey(), v));
      }
    }
    if (body.length > 0) {
      c.setDoOutput(true);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
    }
    int status = c.getResponseCode();
    byte[] answer;
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      answer = in == null ? new byte[0] : in.readAllBytes();
    }
    c.getHeaderFields().forEach(
        (name, values) -> {
          if (name != null && !NOT_FORWARDED.contains(name.toLowerCase())) {
            exchange.getResponseHeaders().put(name, values);
          }
        });
    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      exchange.getResponseBody().write(answer);
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
