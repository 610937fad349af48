package dev.machine.core.store;

import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.HostOptions;
import dev.machine.core.host.SwarmOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Test data: Docker Machine's config.json for §3.2's real example, and the options it holds. */
final class StoreFixtures {
  /** The store root recorded in the captured file. */
  static final String CAPTURED_ROOT = "/home/alice/.docker/machine";

  private StoreFixtures() {}

  static String resource(String name) {
    try (InputStream in = StoreFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The config.json Docker Machine wrote for {@code create -d none --url tcp://10.0.0.5:2376
   * --engine-label env=dev --engine-opt log-driver=none --tls-san foo.example.com dev}, with the
   * store root moved to {@code root}.
   */
  static String dockerMachineConfig(Path root) {
    return resource("docker-machine-none-dev.config.json").replace(CAPTURED_ROOT, root.toString());
  }

  /** The options {@code create} builds for that command line. */
  static HostOptions createdOptions(Path root, String name) {
    String certs = root.resolve("certs").toString();
    String machineDir = root.resolve("machines").resolve(name).toString();
    return new HostOptions(
        "",
        0,
        0,
        new EngineOptions(
            List.of("log-driver=none"), null, "", List.of(), false, List.of(), List.of("env=dev"), "", "", false,
            true, List.of(), EngineOptions.DEFAULT_INSTALL_URL),
        new SwarmOptions(
            false, "", "", false, false, SwarmOptions.DEFAULT_HOST, SwarmOptions.DEFAULT_IMAGE,
            SwarmOptions.DEFAULT_STRATEGY, 0, 0, List.of(), List.of(), null, false),
        new AuthOptions(
            certs, certs + "/ca.pem", certs + "/ca-key.pem", "", machineDir + "/server.pem",
            machineDir + "/server-key.pem", certs + "/key.pem", "", "", certs + "/cert.pem",
            List.of("foo.example.com"), machineDir));
  }
}
