package dev.machine.core.list;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machine.core.driver.State;
import dev.machine.core.golang.GoDuration;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.SwarmOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code ls} (Docker Machine's {@code HostListItem}). {@code state} is null for rows
 * whose state was not fetched ({@code -q}); options are null for machines that failed to load.
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
    Duration responseTime) {

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

  /** The row as template data, addressed by Docker Machine's field names ({@code .Name}, {@code .DockerVersion}). */
  public Map<String, Object> templateData() {
    ObjectMapper json = Json.MAPPER;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", name);
    m.put("Active", active);
    m.put("ActiveHost", activeHost);
    m.put("ActiveSwarm", activeSwarm);
    m.put("DriverName", driverName);
    m.put("State", state == null ? "" : state.display());
    m.put("URL", url);
    m.put("SwarmOptions", swarmOptions == null ? null : json.convertValue(swarmOptions, Map.class));
    m.put("Swarm", swarm);
    m.put("EngineOptions", engineOptions == null ? null : json.convertValue(engineOptions, Map.class));
    m.put("Error", error);
    m.put("DockerVersion", dockerVersion);
    m.put("ResponseTime", GoDuration.format(responseTime == null ? Duration.ZERO : responseTime));
    return m;
  }

  /** One mapper for all rows: building one costs more than converting a row. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
