package dev.machine.core.docker;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Always offers the one client certificate, as Go's {@code tls.Config.Certificates} does. The
 * JDK's own key managers would withhold it when the daemon's list of acceptable issuers does not
 * name our CA, which turns a clear "bad certificate" into a confusing missing-certificate error.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "client";
  private final X509Certificate[] chain;
  private final PrivateKey key;
  /** Connections our certificate was offered on (weak: forgotten with the socket). */
  private final Set<Socket> offeredTo = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  ClientKeyManager(X509Certificate[] chain, PrivateKey key) {
    this.chain = chain;
    this.key = key;
  }

  private String alias(String[] keyTypes) {
    if (keyTypes == null) {
      return ALIAS;
    }
    for (String type : keyTypes) {
      if (type.equalsIgnoreCase(key.getAlgorithm())) {
        return ALIAS;
      }
    }
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    String alias = alias(keyTypes);
    if (alias != null && socket != null) {
      offeredTo.add(socket);
    }
    return alias;
  }

  /** Whether the daemon on {@code socket} asked for, and was sent, our client certificate. */
  boolean offeredTo(Socket socket) {
    return offeredTo.contains(socket);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return alias(keyTypes);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return alias(new String[] {keyType}) == null ? null : new String[] {ALIAS};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
