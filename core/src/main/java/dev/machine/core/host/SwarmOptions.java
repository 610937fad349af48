package dev.machine.core.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Legacy Swarm settings ({@code HostOptions.SwarmOptions} in config.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "IsSwarm", "Address", "Discovery", "Agent", "Master", "Host", "Image", "Strategy", "Heartbeat",
  "Overcommit", "ArbitraryFlags", "ArbitraryJoinFlags", "Env", "IsExperimental"
})
public record SwarmOptions(
    @JsonProperty("IsSwarm") boolean isSwarm,
    @JsonProperty("Address") String address,
    @JsonProperty("Discovery") String discovery,
    @JsonProperty("Agent") boolean agent,
    @JsonProperty("Master") boolean master,
    @JsonProperty("Host") String host,
    @JsonProperty("Image") String image,
    @JsonProperty("Strategy") String strategy,
    @JsonProperty("Heartbeat") int heartbeat,
    @JsonProperty("Overcommit") double overcommit,
    @JsonProperty("ArbitraryFlags") List<String> arbitraryFlags,
    @JsonProperty("ArbitraryJoinFlags") List<String> arbitraryJoinFlags,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("IsExperimental") boolean isExperimental) {

  public static final String DEFAULT_HOST = "tcp://0.0.0.0:3376";
  public static final String DEFAULT_IMAGE = "swarm:latest";
  public static final String DEFAULT_STRATEGY = "spread";
}
