package dev.machine.core.list;

import dev.machine.core.driver.State;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.SwarmOptions;
import dev.machine.core.template.GoNamedType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code ls} (Docker Machine's {@code HostListItem}), and the data of an
 * {@code ls --format} template: fields are addressed by their Go names ({@code .DriverName},
 * {@code .EngineOptions.TLSVerify}), and a field it does not have is an error, as in Go.
 * {@code state} is null for rows whose state was not fetched ({@code -q}); options are null for
 * machines that failed to load.
 */
public record HostListItem(
    String name,
    String active,
    boolean activeHost,
    boolean activeSwarm,
    String driverName,
    State state,
    String url,
    SwarmOptions swarmOptions,
    String swarm,
    EngineOptions engineOptions,
    String error,
    String dockerVersion,
    Duration responseTime)
    implements GoNamedType {

  /** The header row of a {@code table} format: each field's column name. */
  public static Map<String, Object> headers() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("Name", "NAME");
    h.put("Active", "ACTIVE");
    h.put("ActiveHost", "ACTIVE_HOST");
    h.put("ActiveSwarm", "ACTIVE_SWARM");
    h.put("DriverName", "DRIVER");
    h.put("State", "STATE");
    h.put("URL", "URL");
    h.put("SwarmOptions", "SWARM_OPTIONS");
    h.put("Swarm", "SWARM");
    h.put("EngineOptions", "ENGINE_OPTIONS");
    h.put("Error", "ERRORS");
    h.put("DockerVersion", "DOCKER");
    h.put("ResponseTime", "RESPONSE");
    return h;
  }

  /** The Go type whose fields {@code ls --format} templates address. */
  @Override
  public String goTypeName() {
    return "commands.HostListItem";
  }
}
