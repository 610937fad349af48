package dev.machine.core.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import net.schmizz.sshj.userauth.method.AuthMethod;
import org.slf4j.LoggerFactory;

/**
 * Logs in with a passphrase-protected key file as {@code ssh -o IdentitiesOnly=yes -i KEY} does
 * (Docker Machine's external client): through the ssh-agent identity whose public key is that
 * file's. The agent's other keys are never offered: the user chose this one.
 */
final class AgentKeyForFile {
  private AgentKeyForFile() {}

  /**
   * The agent method for the encrypted {@code key}.
   *
   * @throws IOException with a one-line reason if its public key is unknown or no agent holds it
   */
  static AuthMethod method(Path key, KeyFileHeader header, SshEnvironment env) throws IOException {
    byte[] blob = KeyFilePublicKey.find(key, header);
    if (blob == null) {
      Path pub = SshKeys.publicKeyPath(key);
      throw new IOException("it is protected by a passphrase and has no public key file " + pub
          + " to find it in ssh-agent (ssh-keygen -y -f " + key + " > " + pub + " makes one)");
    }
    if (env.agentSocket() != null) {
      AgentClient agent = new AgentClient(env.agentSocket());
      try {
        for (AgentClient.Identity identity : agent.identities()) {
          if (Arrays.equals(identity.blob(), blob)) {
            return new AgentAuthMethod(agent, identity);
          }
        }
      } catch (IOException | RuntimeException e) {
        // An absent agent means the same to the user as an agent without the key: ssh-add it.
        LoggerFactory.getLogger(AgentKeyForFile.class)
            .debug("ssh-agent at {} unusable: {}", env.agentSocket(), e.toString());
      }
    }
    throw new IOException(
        "it is protected by a passphrase; load it into ssh-agent (ssh-add " + key + ") and try again");
  }
}
