package dev.machine.core.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How the Docker engine on a machine is configured ({@code HostOptions.EngineOptions} in
 * config.json). Lists may be null, as Docker Machine writes them. {@code Dns}, {@code GraphDir},
 * {@code Ipv6}, {@code LogLevel} and {@code SelinuxEnabled} are persisted but unused, as upstream.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "ArbitraryFlags", "Dns", "GraphDir", "Env", "Ipv6", "InsecureRegistry", "Labels", "LogLevel",
  "StorageDriver", "SelinuxEnabled", "TlsVerify", "RegistryMirror", "InstallURL"
})
public record EngineOptions(
    @JsonProperty("ArbitraryFlags") List<String> arbitraryFlags,
    @JsonProperty("Dns") List<String> dns,
    @JsonProperty("GraphDir") String graphDir,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Ipv6") boolean ipv6,
    @JsonProperty("InsecureRegistry") List<String> insecureRegistry,
    @JsonProperty("Labels") List<String> labels,
    @JsonProperty("LogLevel") String logLevel,
    @JsonProperty("StorageDriver") String storageDriver,
    @JsonProperty("SelinuxEnabled") boolean selinuxEnabled,
    @JsonProperty("TlsVerify") boolean tlsVerify,
    @JsonProperty("RegistryMirror") List<String> registryMirror,
    @JsonProperty("InstallURL") String installUrl) {

  public static final String DEFAULT_INSTALL_URL = "https://get.docker.com";
}
