package dev.machine.core.ssh;

import java.io.IOException;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/** sshj "publickey" authentication with one key held by an ssh-agent (RFC 4252 §7). */
final class AgentAuthMethod extends AbstractAuthMethod {
  private final AgentClient agent;
  private final AgentClient.Identity identity;
  private final String algorithm;
  private final int signFlags;

  AgentAuthMethod(AgentClient agent, AgentClient.Identity identity) {
    super("publickey");
    this.agent = agent;
    this.identity = identity;
    String type = identity.type();
    // Servers that refuse SHA-1 (OpenSSH 8.8+) still accept an RSA key signed with SHA-256.
    boolean rsa = type.equals("ssh-rsa");
    this.algorithm = rsa ? "rsa-sha2-256" : type;
    this.signFlags = rsa ? AgentClient.RSA_SHA2_256 : 0;
  }

  @Override
  protected SSHPacket buildReq() throws UserAuthException {
    return request(false);
  }

  @Override
  public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
    if (cmd != Message.USERAUTH_60) {
      super.handle(cmd, buf);
      return;
    }
    // The server accepts this key: sign the session id plus the request, as KeyedAuthMethod does.
    SSHPacket signed = request(true);
    byte[] data =
        new Buffer.PlainBuffer()
            .putString(params.getTransport().getSessionID())
            .putBuffer(signed)
            .getCompactData();
    try {
      signed.putString(agent.sign(identity.blob(), data, signFlags));
    } catch (IOException e) {
      throw new UserAuthException("ssh-agent: " + e.getMessage(), e);
    }
    params.getTransport().write(signed);
  }

  private SSHPacket request(boolean withSignature) throws UserAuthException {
    return super.buildReq().putBoolean(withSignature).putString(algorithm).putString(identity.blob());
  }

  @Override
  public String toString() {
    return "agent key " + identity.comment();
  }
}
