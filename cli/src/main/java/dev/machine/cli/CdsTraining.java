package dev.machine.cli;

import dev.machine.cli.command.Commands;
import dev.machine.core.Progress;
import dev.machine.core.cert.CertificateBootstrap;
import dev.machine.core.cert.PemFiles;
import dev.machine.core.cert.ServerCertificates;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.NewHosts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Runs the common commands once, in one JVM, so that the build can record the classes they load
 * into an AppCDS archive ({@code -XX:ArchiveClassesAtExit}); the launcher then maps that archive
 * and every command starts faster. A small TLS server on 127.0.0.1 stands in for a Docker daemon,
 * so that the TLS client's classes are recorded too. Not part of the CLI: the build runs it.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]).toAbsolutePath();
    Path store = work.resolve("store");
    Map<String, String> env = new HashMap<>();
    env.put("HOME", work.toString());
    env.put("SHELL", "/bin/bash");

    AuthOptions auth = NewHosts.authOptions(store, "training", NewHosts.TlsPaths.DEFAULTS, List.of());
    new CertificateBootstrap(Progress.SILENT).bootstrap(auth);
    Path serverDir = Files.createDirectories(work.resolve("server"));
    AuthOptions serverAuth =
        new AuthOptions(auth.certDir(), auth.caCertPath(), auth.caPrivateKeyPath(), "",
            serverDir.resolve("server.pem").toString(), serverDir.resolve("server-key.pem").toString(),
            auth.clientKeyPath(), "", "", auth.clientCertPath(), List.of(), serverDir.toString());
    new ServerCertificates().generate(serverAuth, "training", List.of("127.0.0.1", "localhost"), false);

    try (SSLServerSocket server = tlsServer(serverAuth)) {
      Thread daemon = new Thread(() -> serve(server), "fake-dockerd");
      daemon.setDaemon(true);
      daemon.start();
      String url = "tcp://127.0.0.1:" + server.getLocalPort();
      String s = store.toString();
      List<List<String>> runs = new ArrayList<>();
      runs.add(List.of("-s", s, "create", "-d", "none", "--url", url, "training"));
      runs.add(List.of("-s", s, "ls"));
      runs.add(List.of("-s", s, "ls", "-q", "--filter", "driver=none"));
      runs.add(List.of("-s", s, "ls", "--format", "table {{.Name}}\\t{{.State}}"));
      runs.add(List.of("-s", s, "env", "training"));
      runs.add(List.of("-s", s, "config", "training"));
      runs.add(List.of("-s", s, "inspect", "training"));
      runs.add(List.of("-s", s, "inspect", "-f", "{{.Driver.URL}}", "training"));
      runs.add(List.of("-s", s, "url", "training"));
      runs.add(List.of("-s", s, "ip", "training"));
      runs.add(List.of("-s", s, "status", "training"));
      runs.add(List.of("-s", s, "active"));
      runs.add(List.of("-s", s, "version", "training"));
      runs.add(List.of("-s", s, "version"));
      runs.add(List.of("--help"));
      for (var def : Commands.all()) {
        runs.add(List.of(def.name(), "--help"));
      }
      runs.add(List.of("create", "-d", "generic", "--help"));
      runs.add(List.of("-s", s, "rm", "-y", "training"));
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      for (List<String> run : runs) {
        new MachineCli("machine", env, sink, sink, new ByteArrayInputStream(new byte[0])).run(run);
      }
    }
  }

  private static SSLServerSocket tlsServer(AuthOptions auth) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", PemFiles.readPrivateKey(Path.of(auth.serverKeyPath())), new char[0],
        new Certificate[] {PemFiles.readCertificate(Path.of(auth.serverCertPath()))});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    return (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** Answers every request as a Docker daemon's {@code /version} would, enough for the client. */
  private static void serve(ServerSocket server) {
    byte[] body = "{\"Version\":\"0.0.0-training\",\"ApiVersion\":\"1.41\"}".getBytes(StandardCharsets.UTF_8);
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        readHead(in);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // A handshake-only check (env, config) closes without a request: serve the next one.
      }
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }
}
