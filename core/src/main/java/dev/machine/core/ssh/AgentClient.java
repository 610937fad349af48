package dev.machine.core.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal ssh-agent client (draft-miller-ssh-agent): lists identities and signs with them. sshj
 * has no agent support of its own; Java 16+ speaks Unix sockets natively, so no native library is
 * needed.
 */
final class AgentClient {
  private static final byte FAILURE = 5;
  private static final byte REQUEST_IDENTITIES = 11;
  private static final byte IDENTITIES_ANSWER = 12;
  private static final byte SIGN_REQUEST = 13;
  private static final byte SIGN_RESPONSE = 14;
  /** Sign flag: an RSA key signs with rsa-sha2-256 (ssh-rsa/SHA-1 is refused by OpenSSH 8.8+). */
  static final int RSA_SHA2_256 = 2;

  /** One key the agent holds. */
  record Identity(byte[] blob, String comment) {
    String type() {
      ByteBuffer buffer = ByteBuffer.wrap(blob);
      return new String(readString(buffer), StandardCharsets.US_ASCII);
    }
  }

  private final Path socket;

  AgentClient(Path socket) {
    this.socket = socket;
  }

  List<Identity> identities() throws IOException {
    ByteBuffer reply = call(new byte[] {REQUEST_IDENTITIES});
    byte type = reply.get();
    if (type != IDENTITIES_ANSWER) {
      throw new IOException("ssh-agent refused to list keys (reply " + type + ")");
    }
    int count = reply.getInt();
    List<Identity> identities = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] blob = readString(reply);
      String comment = new String(readString(reply), StandardCharsets.UTF_8);
      identities.add(new Identity(blob, comment));
    }
    return identities;
  }

  /** The signature blob (string algorithm, string signature) for {@code data}. */
  byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
    ByteBuffer request = ByteBuffer.allocate(1 + 4 + keyBlob.length + 4 + data.length + 4);
    request.put(SIGN_REQUEST).putInt(keyBlob.length).put(keyBlob).putInt(data.length).put(data);
    request.putInt(flags);
    ByteBuffer reply = call(request.array());
    byte type = reply.get();
    if (type == FAILURE) {
      throw new IOException("ssh-agent refused to sign");
    }
    if (type != SIGN_RESPONSE) {
      throw new IOException("unexpected ssh-agent reply " + type);
    }
    return readString(reply);
  }

  private ByteBuffer call(byte[] message) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer out = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message);
      out.flip();
      while (out.hasRemaining()) {
        channel.write(out);
      }
      ByteBuffer length = readFully(channel, 4);
      int size = length.getInt();
      if (size <= 0 || size > 256 * 1024) {
        throw new IOException("bad ssh-agent reply length " + size);
      }
      return readFully(channel, size);
    }
  }

  private static ByteBuffer readFully(SocketChannel channel, int size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(size);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new IOException("ssh-agent closed the connection");
      }
    }
    buffer.flip();
    return buffer;
  }

  private static byte[] readString(ByteBuffer buffer) {
    int length = buffer.getInt();
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }
}
