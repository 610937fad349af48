package dev.machine.core.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native SSH client (sshj): ONE authenticated TCP connection that serves any number of
 * commands and uploads, each in its own channel. Docker Machine dials a new connection per command;
 * a provisioning run here pays the handshake once.
 *
 * <p>Thread-safe: commands may run concurrently on one connection.
 */
public final class SshConnection implements RemoteShell {
  private static final int KEEPALIVE_SECONDS = 60;
  private static final int UPLOAD_CHUNK = 32 * 1024;

  private final SSHClient client;
  private final SshTarget target;
  private final Logger log = LoggerFactory.getLogger(SshConnection.class);
  private SFTPClient sftp;
  private boolean sftpUnavailable;

  private SshConnection(SSHClient client, SshTarget target) {
    this.client = client;
    this.target = target;
  }

  /**
   * Connects and authenticates: with the target's key (a passphrase-protected one only through the
   * agent identity holding it), or (key {@code ""}) with the user's agent and default keys ({@link
   * SshEnvironment#system()}). The host key is pinned in the target's known_hosts file when it has
   * one.
   *
   * @param connectTimeout the TCP connect timeout
   * @throws SshException with a one-line message for a refused/timed-out connection, a changed host
   *     key, an unreadable key file or failed authentication
   */
  public static SshConnection open(SshTarget target, Duration connectTimeout) {
    return open(target, connectTimeout, SshEnvironment.system());
  }

  /** As {@link #open(SshTarget, Duration)}, with the user's agent and keys taken from {@code env}. */
  public static SshConnection open(SshTarget target, Duration connectTimeout, SshEnvironment env) {
    SSHClient client = new SSHClient(SshjConfig.create());
    PinningVerifier pinning = null;
    if (target.knownHostsFile() == null) {
      client.addHostKeyVerifier(new PromiscuousVerifier());
    } else {
      pinning = new PinningVerifier(new KnownHosts(target.knownHostsFile()));
      client.addHostKeyVerifier(pinning);
    }
    client.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    try {
      try {
        client.connect(target.host(), target.port());
      } catch (IOException e) {
        if (pinning != null && pinning.refusal() != null) {
          throw new SshException(SshException.Reason.HOST_KEY_CHANGED, pinning.refusal(), e);
        }
        throw connectFailure(target, connectTimeout, e);
      }
      client.getConnection().getKeepAlive().setKeepAliveInterval(KEEPALIVE_SECONDS);
      authenticate(client, target, env);
      return new SshConnection(client, target);
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw e;
    }
  }

  /** Where this connection goes. */
  public SshTarget target() {
    return target;
  }

  /** True while the underlying connection is up and authenticated. */
  public boolean isConnected() {
    return client.isConnected() && client.isAuthenticated();
  }

  @Override
  public CommandResult run(String command) {
    log.debug("SSH cmd on {}: {}", target.display(), command);
    try (Session session = startSession()) {
      Session.Command cmd = session.exec(command);
      // Like Go's CombinedOutput: nothing on stdin (EOF at once), stdout and stderr in one buffer.
      cmd.getOutputStream().close();
      ByteArrayOutputStream combined = new ByteArrayOutputStream();
      Thread errCopier = new Thread(() -> copy(cmd.getErrorStream(), combined), "ssh-stderr");
      errCopier.setDaemon(true);
      errCopier.start();
      copy(cmd.getInputStream(), combined);
      errCopier.join();
      cmd.join(30, TimeUnit.SECONDS);
      String output;
      synchronized (combined) {
        output = combined.toString(StandardCharsets.UTF_8);
      }
      Integer status = cmd.getExitStatus();
      // No status: killed by a signal (OpenSSH's client reports 255 then too).
      int exit = status == null ? 255 : status;
      log.debug("SSH cmd exit {}: {}", exit, output);
      return new CommandResult(exit, output);
    } catch (IOException e) {
      throw new SshException(
          SshException.Reason.TRANSPORT,
          "Error running SSH command on " + target.display() + ": " + describe(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshException(SshException.Reason.TRANSPORT, "Interrupted while running SSH command", e);
    }
  }

  /**
   * Uploads {@code content} to a private temporary file (SFTP; plain stdin when the server has no
   * SFTP subsystem), installs it as root ({@code sudo} unless the user is root) under a temporary
   * name next to {@code remotePath} with {@code install -D -m MODE}, then renames it into place.
   * The rename is atomic: a reader (or a daemon restarted meanwhile) sees the old file or the new
   * one, never half of one, and a failed upload leaves the old file as it was. The content never
   * passes through a shell; the paths are quoted.
   *
   * @throws SshException if the upload, the install or the rename fails (the message includes its
   *     output)
   */
  @Override
  public void writeFile(String remotePath, byte[] content, int mode) {
    String tmp = "/tmp/.machine-upload-" + UUID.randomUUID();
    log.debug("SSH upload of {} bytes to {} (mode {})", content.length, remotePath, Integer.toOctalString(mode));
    try {
      upload(tmp, content);
    } catch (IOException e) {
      removeQuietly(tmp);
      throw new SshException(
          SshException.Reason.COMMAND,
          "Error uploading " + remotePath + " to " + target.display() + ": " + describe(e),
          e);
    }
    CommandResult result = run(installCommand(tmp, remotePath, mode));
    if (!result.ok()) {
      throw new SshException(
          SshException.Reason.COMMAND,
          "Error writing " + remotePath + " on " + target.display() + ": exit status "
              + result.exitCode() + ": " + result.output().strip());
    }
  }

  /**
   * {@code install} to a hidden name in the target's directory (so the rename stays on one file
   * system), {@code mv -T} over the target (never into it, should it be a directory), and the
   * temporary files removed whatever happened.
   */
  private String installCommand(String tmp, String remotePath, int mode) {
    String sudo = target.user().equals("root") ? "" : "sudo ";
    int slash = remotePath.lastIndexOf('/');
    String staged =
        remotePath.substring(0, slash + 1) + "." + remotePath.substring(slash + 1) + ".machine-" + UUID.randomUUID();
    String quotedTmp = ShellQuote.quote(tmp);
    String quotedStaged = ShellQuote.quote(staged);
    return sudo + "install -D -m " + String.format("%04o", mode & 07777) + " " + quotedTmp + " " + quotedStaged
        + " && " + sudo + "mv -f -T " + quotedStaged + " " + ShellQuote.quote(remotePath)
        + "; rc=$?; rm -f " + quotedTmp
        + "; if [ $rc -ne 0 ]; then " + sudo + "rm -f " + quotedStaged + "; fi; exit $rc";
  }

  @Override
  public void close() {
    synchronized (this) {
      if (sftp != null) {
        try {
          sftp.close();
        } catch (IOException e) {
          log.debug("closing SFTP", e);
        }
        sftp = null;
      }
    }
    closeQuietly(client);
  }

  /** A new channel; sshj throws IllegalStateException once the peer has gone: make it an IOException. */
  private Session startSession() throws IOException {
    try {
      return client.startSession();
    } catch (IllegalStateException e) {
      throw new IOException("the connection is closed"); // sshj says only "Not connected"
    }
  }

  private void removeQuietly(String tmp) {
    try {
      run("rm -f " + ShellQuote.quote(tmp));
    } catch (SshException e) {
      log.debug("could not remove {}: {}", tmp, e.getMessage());
    }
  }

  /** The sshj client, for the interactive shell. */
  SSHClient client() {
    return client;
  }

  private void upload(String tmp, byte[] content) throws IOException {
    SFTPClient files = sftp();
    if (files == null) {
      uploadThroughStdin(tmp, content);
      return;
    }
    FileAttributes privateMode = new FileAttributes.Builder().withPermissions(0600).build();
    try (RemoteFile file =
        files.open(tmp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), privateMode)) {
      for (int offset = 0; offset < content.length; offset += UPLOAD_CHUNK) {
        int length = Math.min(UPLOAD_CHUNK, content.length - offset);
        file.write(offset, content, offset, length);
      }
    }
  }

  private synchronized SFTPClient sftp() throws IOException {
    if (!client.isConnected()) {
      throw new IOException("the connection is closed");
    }
    if (sftp == null && !sftpUnavailable) {
      try {
        sftp = client.newSFTPClient();
      } catch (IOException e) {
        log.debug("No SFTP on {}, uploading through stdin: {}", target.display(), e.toString());
        sftpUnavailable = true;
      }
    }
    return sftp;
  }

  private void uploadThroughStdin(String tmp, byte[] content) throws IOException {
    try (Session session = startSession()) {
      Session.Command cmd = session.exec("umask 077 && cat > " + ShellQuote.quote(tmp));
      try (OutputStream in = cmd.getOutputStream()) {
        in.write(content);
      }
      ByteArrayOutputStream errors = new ByteArrayOutputStream();
      copy(cmd.getErrorStream(), errors);
      cmd.join(30, TimeUnit.SECONDS);
      Integer status = cmd.getExitStatus();
      if (status == null || status != 0) {
        throw new IOException("cat exited with " + status + ": " + errors.toString(StandardCharsets.UTF_8).strip());
      }
    }
  }

  private static void authenticate(SSHClient client, SshTarget target, SshEnvironment env) {
    List<AuthMethod> methods = new ArrayList<>();
    String tried;
    if (target.hasKey()) {
      Path key = Path.of(target.keyPath());
      boolean viaAgent;
      try {
        KeyFileHeader header = KeyFileHeader.read(key);
        // sshj would need the passphrase; OpenSSH with -i signs with the agent's copy instead.
        viaAgent = header.encrypted();
        methods.add(viaAgent ? AgentKeyForFile.method(key, header, env) : new AuthPublickey(KeyFiles.load(key)));
      } catch (IOException | RuntimeException e) {
        throw new SshException(
            SshException.Reason.KEY_FILE,
            "Cannot read SSH key " + key + ": " + describe(e),
            e);
      }
      tried = "key " + key + (viaAgent ? " in ssh-agent" : "");
    } else {
      methods.addAll(agentMethods(env));
      int agentKeys = methods.size();
      List<Path> defaults = new ArrayList<>();
      for (Path key : env.defaultKeys()) {
        if (!Files.isRegularFile(key)) {
          continue;
        }
        try {
          KeyProvider provider = KeyFiles.load(key);
          methods.add(new AuthPublickey(provider));
          defaults.add(key);
        } catch (IOException | RuntimeException e) {
          // An encrypted or unsupported default key is skipped, as OpenSSH skips it in batch mode.
          LoggerFactory.getLogger(SshConnection.class).debug("Skipping SSH key {}: {}", key, e.toString());
        }
      }
      tried = agentKeys + " agent key(s) and default keys " + defaults;
      if (methods.isEmpty()) {
        throw new SshException(
            SshException.Reason.AUTH,
            "No SSH key to log in to " + target.display() + ": no ssh-agent key (SSH_AUTH_SOCK) and none of "
                + env.defaultKeys() + " is usable");
      }
    }
    try {
      client.auth(target.user(), methods);
    } catch (IOException e) {
      throw new SshException(
          e instanceof UserAuthException ? SshException.Reason.AUTH : SshException.Reason.TRANSPORT,
          // Docker Machine's words ("ssh: unable to authenticate"), with who, where and which key.
          "ssh: unable to authenticate as " + target.display() + " with " + tried + ": " + describe(e),
          e);
    }
  }

  private static List<AuthMethod> agentMethods(SshEnvironment env) {
    List<AuthMethod> methods = new ArrayList<>();
    if (env.agentSocket() == null) {
      return methods;
    }
    AgentClient agent = new AgentClient(env.agentSocket());
    try {
      for (AgentClient.Identity identity : agent.identities()) {
        methods.add(new AgentAuthMethod(agent, identity));
      }
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(SshConnection.class)
          .debug("ssh-agent at {} unusable: {}", env.agentSocket(), e.toString());
    }
    return methods;
  }

  private static SshException connectFailure(SshTarget target, Duration timeout, IOException e) {
    String where = target.host() + ":" + target.port();
    Throwable root = rootCause(e);
    if (root instanceof SocketTimeoutException) {
      return new SshException(
          SshException.Reason.CONNECT,
          "Cannot connect to SSH at " + where + ": timed out after " + timeout.toSeconds() + " s",
          e);
    }
    if (root instanceof ConnectException
        || root instanceof NoRouteToHostException
        || root instanceof UnknownHostException) {
      String what = root instanceof UnknownHostException ? "unknown host" : root.getMessage();
      return new SshException(
          SshException.Reason.CONNECT, "Cannot connect to SSH at " + where + ": " + what, e);
    }
    return new SshException(
        SshException.Reason.TRANSPORT, "SSH handshake with " + where + " failed: " + describe(e), e);
  }

  /** The innermost useful message of {@code e}, on one line. */
  static String describe(Throwable e) {
    Throwable root = rootCause(e);
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable current = e;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  private static void copy(InputStream from, ByteArrayOutputStream to) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = from.read(buffer)) >= 0) {
        synchronized (to) {
          to.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // The channel closed under us; the exit status (or its absence) tells the rest.
    }
  }

  private static void closeQuietly(SSHClient client) {
    try {
      client.close();
    } catch (IOException e) {
      LoggerFactory.getLogger(SshConnection.class).debug("closing SSH connection", e);
    }
  }
}
