package dev.machine.it.provision;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny HTTP server for Docker install scripts, bound to the test hosts' gateway address (this
 * machine's end of their links), so that provisioning downloads a script the test chose and no
 * packet leaves for the internet. Paths nobody registered answer 404.
 */
public final class InstallScriptServer implements AutoCloseable {
  private final HttpServer server;
  private final String address;
  private final Map<String, byte[]> scripts = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  private InstallScriptServer(HttpServer server, String address) {
    this.server = server;
    this.address = address;
  }

  /** Listens on {@code bindAddress} (the test hosts' gateway IP) at a free port. */
  public static InstallScriptServer start(String bindAddress) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), 0), 0);
    InstallScriptServer scripts = new InstallScriptServer(server, bindAddress);
    server.createContext("/", exchange -> {
      try {
        String path = exchange.getRequestURI().getPath();
        scripts.requests.add(exchange.getRequestMethod() + " " + path);
        byte[] body = scripts.scripts.get(path);
        if (body == null) {
          byte[] page = "<html><body>404 Not Found</body></html>\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(404, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
          return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      } finally {
        exchange.close();
      }
    });
    server.start();
    return scripts;
  }

  /** Serves {@code script} at {@code path} (e.g. {@code /install.sh}). */
  public InstallScriptServer serve(String path, String script) {
    scripts.put(path, script.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The URL of {@code path} on this server, as a test host reaches it. */
  public String url(String path) {
    return "http://" + address + ":" + server.getAddress().getPort() + path;
  }

  /** The requests received so far, as {@code "GET /path"}. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
