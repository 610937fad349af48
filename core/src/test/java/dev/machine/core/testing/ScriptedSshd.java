package dev.machine.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;

/**
 * An in-JVM SSH server on 127.0.0.1 (Apache MINA sshd) whose commands are answered by a script,
 * never run: for testing how the client side copes with a host, not the host. Any key logs in.
 */
public final class ScriptedSshd implements AutoCloseable {
  /** What the server does with one command. */
  public sealed interface Reply permits Output, Drop {}

  /** Prints {@code output} and exits with {@code exitCode}. */
  public record Output(int exitCode, String output) implements Reply {}

  /** Closes the whole connection at once, as a host that goes down for a reboot. */
  public record Drop() implements Reply {}

  private final SshServer server;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();

  private ScriptedSshd(SshServer server) {
    this.server = server;
  }

  /** Starts a server that answers each command with {@code script}'s reply; its host key is kept in {@code dir}. */
  public static ScriptedSshd start(Path dir, Function<String, Reply> script) throws IOException {
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host-key.ser")));
    server.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
    ScriptedSshd sshd = new ScriptedSshd(server);
    server.setCommandFactory((channel, command) -> sshd.new ScriptedCommand(command, script));
    server.start();
    return sshd;
  }

  public int port() {
    return server.getPort();
  }

  /** Every command run so far, in order. */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  /** How many connections ran a command. */
  public int connections() {
    return sessions.size();
  }

  /** Stops listening and closes every connection. */
  public void stop() throws IOException {
    server.stop(true);
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private final class ScriptedCommand implements Command {
    private final String command;
    private final Function<String, Reply> script;
    private OutputStream out;
    private ExitCallback exit;

    ScriptedCommand(String command, Function<String, Reply> script) {
      this.command = command;
      this.script = script;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
      commands.add(command);
      sessions.add(channel.getSession());
      Reply reply = script.apply(command);
      if (reply instanceof Output o) {
        out.write(o.output().getBytes(StandardCharsets.UTF_8));
        out.flush();
        exit.onExit(o.exitCode());
      } else {
        channel.getSession().close(true);
      }
    }

    @Override
    public void destroy(ChannelSession channel) {}

    @Override
    public void setInputStream(java.io.InputStream in) {}

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {}

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }
  }
}
