package dev.machine.core.provision;

import dev.machine.core.host.EngineOptions;
import java.util.List;

/** EngineOptions as {@code create} builds them. */
final class Engines {
  private Engines() {}

  static EngineOptions defaults() {
    return options(List.of(), List.of(), List.of(), List.of(), List.of(), "", EngineOptions.DEFAULT_INSTALL_URL);
  }

  static EngineOptions options(
      List<String> flags,
      List<String> env,
      List<String> insecureRegistries,
      List<String> labels,
      List<String> mirrors,
      String storageDriver,
      String installUrl) {
    return new EngineOptions(
        flags, null, "", env, false, insecureRegistries, labels, "", storageDriver, false, true, mirrors, installUrl);
  }

  static EngineOptions withInstallUrl(String url) {
    return options(List.of(), List.of(), List.of(), List.of(), List.of(), "", url);
  }

  static EngineOptions withLabels(String... labels) {
    return options(List.of(), List.of(), List.of(), List.of(labels), List.of(), "", EngineOptions.DEFAULT_INSTALL_URL);
  }
}
