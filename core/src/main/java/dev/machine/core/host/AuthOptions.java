package dev.machine.core.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Where a machine's certificates live ({@code HostOptions.AuthOptions} in config.json). The
 * {@code *RemotePath} fields stay "" on disk; provisioners use a copy with them set.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "CertDir", "CaCertPath", "CaPrivateKeyPath", "CaCertRemotePath", "ServerCertPath", "ServerKeyPath",
  "ClientKeyPath", "ServerCertRemotePath", "ServerKeyRemotePath", "ClientCertPath", "ServerCertSANs",
  "StorePath"
})
public record AuthOptions(
    @JsonProperty("CertDir") String certDir,
    @JsonProperty("CaCertPath") String caCertPath,
    @JsonProperty("CaPrivateKeyPath") String caPrivateKeyPath,
    @JsonProperty("CaCertRemotePath") String caCertRemotePath,
    @JsonProperty("ServerCertPath") String serverCertPath,
    @JsonProperty("ServerKeyPath") String serverKeyPath,
    @JsonProperty("ClientKeyPath") String clientKeyPath,
    @JsonProperty("ServerCertRemotePath") String serverCertRemotePath,
    @JsonProperty("ServerKeyRemotePath") String serverKeyRemotePath,
    @JsonProperty("ClientCertPath") String clientCertPath,
    @JsonProperty("ServerCertSANs") List<String> serverCertSans,
    @JsonProperty("StorePath") String storePath) {

  /** A copy with the remote paths a provisioner writes to. */
  public AuthOptions withRemotePaths(String caCertRemote, String serverCertRemote, String serverKeyRemote) {
    return new AuthOptions(
        certDir, caCertPath, caPrivateKeyPath, caCertRemote, serverCertPath, serverKeyPath,
        clientKeyPath, serverCertRemote, serverKeyRemote, clientCertPath, serverCertSans, storePath);
  }
}
