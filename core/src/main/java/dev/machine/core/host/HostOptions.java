package dev.machine.core.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A machine's options ({@code HostOptions} in config.json). {@code Driver}, {@code Memory} and
 * {@code Disk} are legacy fields Docker Machine still writes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"Driver", "Memory", "Disk", "EngineOptions", "SwarmOptions", "AuthOptions"})
public record HostOptions(
    @JsonProperty("Driver") String driver,
    @JsonProperty("Memory") int memory,
    @JsonProperty("Disk") int disk,
    @JsonProperty("EngineOptions") EngineOptions engineOptions,
    @JsonProperty("SwarmOptions") SwarmOptions swarmOptions,
    @JsonProperty("AuthOptions") AuthOptions authOptions) {

  public HostOptions withAuthOptions(AuthOptions auth) {
    return new HostOptions(driver, memory, disk, engineOptions, swarmOptions, auth);
  }
}
