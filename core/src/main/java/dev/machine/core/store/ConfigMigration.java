package dev.machine.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.MachineException;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings an old config.json (versions 0 to 2) to version 3, one version at a time, as Docker
 * Machine does (§3.3). Works on JSON trees; the result is bound to records afterwards.
 *
 * <p>One deliberate difference: Docker Machine derives the store root from the file's top-level
 * {@code StorePath} ({@code dir(dir(StorePath))}) and falls back to {@code "."} when there is
 * none, which ends up in the migrated paths. Here the store's real root is used in that case.
 */
final class ConfigMigration {
  static final String FROM_THE_FUTURE =
      "config version is from the future -- you should upgrade your Docker Machine client";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The version-3 tree, and whether it had to be migrated. */
  record Result(ObjectNode config, boolean migrated) {}

  private ConfigMigration() {}

  static int version(ObjectNode config) {
    return Json.integer(config, "ConfigVersion");
  }

  static Result toCurrent(ObjectNode original, Path storeRoot) {
    int version = version(original);
    if (version > Host.CONFIG_VERSION) {
      throw new MachineException(FROM_THE_FUTURE);
    }
    if (version == Host.CONFIG_VERSION) {
      return new Result(original, false);
    }
    String root = migrationRoot(original, storeRoot);
    ObjectNode current = original;
    for (int v = Math.max(version, 0); v < Host.CONFIG_VERSION; v++) {
      switch (v) {
        case 0 -> current = v0ToV1(current);
        case 1 -> current = v1ToV2(current, root);
        case 2 -> current = v2ToV3(current, original, root);
        default -> throw new IllegalStateException("no migration from version " + v);
      }
    }
    return new Result(current, true);
  }

  /** {@code dir(dir(StorePath))} of the file's top-level StorePath (a machine directory), or the store root. */
  private static String migrationRoot(ObjectNode original, Path storeRoot) {
    String machineDir = Json.text(original, "StorePath");
    if (machineDir.isEmpty()) {
      return storeRoot.toString();
    }
    return goDir(goDir(machineDir));
  }

  /** Go's {@code filepath.Dir}: everything but the last element, "." or "/" at the top. */
  private static String goDir(String path) {
    Path parent = Path.of(path).normalize().getParent();
    if (parent == null) {
      return path.startsWith("/") ? "/" : ".";
    }
    return parent.toString();
  }

  /** v0 kept certificate paths and swarm settings flat at the top level. */
  private static ObjectNode v0ToV1(ObjectNode v0) {
    ObjectNode v1 = NODES.objectNode();
    v1.put("ConfigVersion", 1);
    v1.set("Driver", Json.field(v0, "Driver"));
    v1.put("DriverName", Json.text(v0, "DriverName"));
    ObjectNode options = v1.putObject("HostOptions");
    options.put("Driver", "");
    options.put("Memory", 0);
    options.put("Disk", 0);
    ObjectNode engine = options.putObject("EngineOptions");
    engine.put("TlsVerify", true);
    engine.put("InstallURL", EngineOptions.DEFAULT_INSTALL_URL);
    ObjectNode swarm = options.putObject("SwarmOptions");
    swarm.put("Address", "");
    swarm.put("Discovery", Json.text(v0, "SwarmDiscovery"));
    swarm.put("Host", Json.text(v0, "SwarmHost"));
    swarm.put("Master", Json.bool(v0, "SwarmMaster"));
    ObjectNode auth = options.putObject("AuthOptions");
    auth.put("StorePath", Json.text(v0, "StorePath"));
    auth.put("CaCertPath", Json.text(v0, "CaCertPath"));
    auth.put("CaCertRemotePath", "");
    auth.put("ServerCertPath", Json.text(v0, "ServerCertPath"));
    auth.put("ServerKeyPath", Json.text(v0, "ServerKeyPath"));
    auth.put("ClientKeyPath", Json.text(v0, "ClientKeyPath"));
    auth.put("ServerCertRemotePath", "");
    auth.put("ServerKeyRemotePath", "");
    auth.put("PrivateKeyPath", Json.text(v0, "PrivateKeyPath"));
    auth.put("ClientCertPath", Json.text(v0, "ClientCertPath"));
    return v1;
  }

  /** v1's {@code AuthOptions.PrivateKeyPath} became {@code CaPrivateKeyPath}; {@code CertDir} and {@code StorePath} appeared. */
  private static ObjectNode v1ToV2(ObjectNode v1, String root) {
    ObjectNode oldOptions = orEmpty(Json.object(v1, "HostOptions"));
    ObjectNode oldAuth = orEmpty(Json.object(oldOptions, "AuthOptions"));
    ObjectNode v2 = NODES.objectNode();
    v2.put("ConfigVersion", 2);
    v2.set("Driver", Json.field(v1, "Driver"));
    v2.put("DriverName", Json.text(v1, "DriverName"));
    ObjectNode options = v2.putObject("HostOptions");
    options.put("Driver", Json.text(oldOptions, "Driver"));
    options.put("Memory", Json.integer(oldOptions, "Memory"));
    options.put("Disk", Json.integer(oldOptions, "Disk"));
    options.set("EngineOptions", Json.field(oldOptions, "EngineOptions"));
    options.set("SwarmOptions", Json.field(oldOptions, "SwarmOptions"));
    ObjectNode auth = options.putObject("AuthOptions");
    auth.put("CertDir", Path.of(root).resolve("certs").toString());
    auth.put("CaCertPath", Json.text(oldAuth, "CaCertPath"));
    auth.put("CaPrivateKeyPath", Json.text(oldAuth, "PrivateKeyPath"));
    auth.put("CaCertRemotePath", Json.text(oldAuth, "CaCertRemotePath"));
    auth.put("ServerCertPath", Json.text(oldAuth, "ServerCertPath"));
    auth.put("ServerKeyPath", Json.text(oldAuth, "ServerKeyPath"));
    auth.put("ClientKeyPath", Json.text(oldAuth, "ClientKeyPath"));
    auth.put("ServerCertRemotePath", Json.text(oldAuth, "ServerCertRemotePath"));
    auth.put("ServerKeyRemotePath", Json.text(oldAuth, "ServerKeyRemotePath"));
    auth.put("ClientCertPath", Json.text(oldAuth, "ClientCertPath"));
    auth.put("StorePath", root);
    v2.put("Name", Json.text(v1, "Name"));
    return v2;
  }

  /**
   * v3 keeps the store root in the driver's own object. Docker Machine re-encodes the original
   * {@code Driver} object through a Go map, so its keys come out sorted; so do they here.
   */
  private static ObjectNode v2ToV3(ObjectNode v2, ObjectNode original, String root) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    JsonNode oldDriver = Json.field(original, "Driver");
    if (oldDriver != null && oldDriver.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = oldDriver.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        sorted.put(field.getKey(), field.getValue());
      }
    }
    sorted.put("StorePath", NODES.textNode(root));
    ObjectNode v3 = NODES.objectNode();
    v3.put("ConfigVersion", Host.CONFIG_VERSION);
    v3.putObject("Driver").setAll(sorted);
    v3.put("DriverName", Json.text(v2, "DriverName"));
    v3.set("HostOptions", Json.field(v2, "HostOptions"));
    v3.put("Name", Json.text(v2, "Name"));
    return v3;
  }

  private static ObjectNode orEmpty(ObjectNode node) {
    return node == null ? NODES.objectNode() : node;
  }
}
