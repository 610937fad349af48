package dev.machine.core.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.slf4j.LoggerFactory;

/**
 * Trust on first use against a machine's own known_hosts file: the first key seen is recorded, a
 * different key later is refused. sshj only reports "could not verify", so the refusal's reason is
 * kept here for the caller's message.
 */
final class PinningVerifier implements HostKeyVerifier {
  private final KnownHosts knownHosts;
  private volatile String refusal;

  PinningVerifier(KnownHosts knownHosts) {
    this.knownHosts = knownHosts;
  }

  @Override
  public boolean verify(String hostname, int port, PublicKey key) {
    KnownHosts.Verdict verdict = knownHosts.check(hostname, port, key);
    switch (verdict) {
      case MATCH:
        return true;
      case UNKNOWN:
        LoggerFactory.getLogger(PinningVerifier.class)
            .debug("Pinning host key {} of {} in {}", KnownHosts.fingerprint(key),
                KnownHosts.hostPattern(hostname, port), knownHosts.file());
        knownHosts.record(hostname, port, key);
        return true;
      default:
        refusal =
            "The SSH host key of "
                + KnownHosts.hostPattern(hostname, port)
                + " has changed (now "
                + net.schmizz.sshj.common.KeyType.fromKey(key)
                + " "
                + KnownHosts.fingerprint(key)
                + "), refusing to connect: if the machine was recreated on purpose, delete "
                + knownHosts.file();
        return false;
    }
  }

  @Override
  public List<String> findExistingAlgorithms(String hostname, int port) {
    // Ask for the pinned key type first, so a server with several host keys shows the pinned one.
    return knownHosts.keyTypes(hostname, port);
  }

  /** Why the last key was refused, or {@code null}. */
  String refusal() {
    return refusal;
  }
}
