package dev.machine.core.docker;

import dev.machine.core.golang.GoQuote;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 for one GET to a Docker daemon on an already open connection: the JDK's
 * HTTP clients would cost more start-up than the whole request.
 */
final class MiniHttp {
  private static final int MAX_BODY = 1 << 20;
  private static final int MAX_LINE = 16 * 1024;

  private MiniHttp() {}

  /** A response: status code, status text ({@code 404 Not Found}), and body. */
  record Response(int code, String status, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends {@code GET path} and reads the response; the read deadline is the socket's timeout. */
  static Response get(Socket socket, DockerEndpoint endpoint, String path, boolean readBody) throws IOException {
    String request =
        "GET " + path + " HTTP/1.1\r\n"
            + "Host: " + endpoint.hostPort() + "\r\n"
            + "User-Agent: machine\r\n"
            + "Accept: application/json\r\n"
            + "Connection: close\r\n\r\n";
    try {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException writeFailure) {
      throw alertBehind(socket, writeFailure);
    }
    InputStream in = new BufferedInputStream(socket.getInputStream());
    String statusLine = readLine(in);
    if (statusLine == null) {
      throw new java.io.EOFException("EOF");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("malformed HTTP response " + quote(statusLine));
    }
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("malformed HTTP status code " + quote(parts[1]));
    }
    String status = parts.length == 3 ? parts[1] + " " + parts[2] : parts[1];
    long contentLength = -1;
    boolean chunked = false;
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      }
    }
    if (!readBody) {
      return new Response(code, status, new byte[0]);
    }
    byte[] body = chunked ? readChunked(in) : readBody(in, contentLength);
    return new Response(code, status, body);
  }

  /**
   * Under TLS 1.3 a daemon that rejects our client certificate says so with an alert right after
   * the handshake, and may close before our request is written: the alert, not the broken pipe,
   * is what the user needs to read.
   */
  private static IOException alertBehind(Socket socket, IOException writeFailure) {
    try {
      socket.setSoTimeout(1000);
      socket.getInputStream().read();
    } catch (IOException readFailure) {
      if (String.valueOf(readFailure.getMessage()).contains("Received fatal alert")) {
        return readFailure;
      }
    }
    return writeFailure;
  }

  private static byte[] readBody(InputStream in, long length) throws IOException {
    if (length > MAX_BODY) {
      throw new IOException("response body too large");
    }
    if (length >= 0) {
      byte[] body = in.readNBytes((int) length);
      if (body.length < length) {
        throw new IOException("unexpected EOF");
      }
      return body;
    }
    return readAtMost(in, MAX_BODY);
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String line = readLine(in);
      if (line == null) {
        throw new IOException("unexpected EOF");
      }
      int semi = line.indexOf(';');
      int size = Integer.parseInt((semi >= 0 ? line.substring(0, semi) : line).trim(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      if (out.size() + size > MAX_BODY) {
        throw new IOException("response body too large");
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length < size) {
        throw new IOException("unexpected EOF");
      }
      out.write(chunk);
      readLine(in); // the CRLF after the chunk
    }
  }

  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] body = in.readNBytes(max + 1);
    if (body.length > max) {
      throw new IOException("response body too large");
    }
    return body;
  }

  /** A CRLF- (or LF-) terminated line, or null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("HTTP header line too long");
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Go's {@code %q} of the raw bytes of a line read as ISO-8859-1. */
  private static String quote(String line) {
    return GoQuote.quote(line.getBytes(StandardCharsets.ISO_8859_1));
  }
}
