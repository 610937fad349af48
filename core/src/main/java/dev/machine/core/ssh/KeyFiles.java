package dev.machine.core.ssh;

import java.io.IOException;
import java.nio.file.Path;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;

/** Loads private key files in any format sshj reads (PEM PKCS#1/PKCS#8, OpenSSH v1, PuTTY). */
final class KeyFiles {
  private KeyFiles() {}

  static KeyProvider load(Path file) throws IOException {
    KeyFormat format = KeyProviderUtil.detectKeyFileFormat(file.toFile());
    FileKeyProvider provider =
        Factory.Named.Util.create(new DefaultConfig().getFileKeyProviderFactories(), format.toString());
    if (provider == null) {
      throw new IOException("unsupported key format " + format + " in " + file);
    }
    provider.init(file.toFile());
    // Parse now, so a broken file fails here with its own message, not later during auth.
    provider.getPublic();
    return provider;
  }
}
