package dev.machine.core.provision;

import dev.machine.core.host.EngineOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The systemd drop-in that makes dockerd listen with TLS and carry the user's {@code --engine-*}
 * options: Docker Machine's {@code 10-machine.conf}, with every value quoted by systemd's rules so
 * that nothing in it is interpreted (see {@link SystemdQuoting}).
 */
public final class DockerDropIn {
  /** Where the drop-in goes. */
  public static final String PATH = "/etc/systemd/system/docker.service.d/10-machine.conf";
  /** The directory holding the daemon's CA, certificate and key. */
  public static final String CERTS_DIR = "/etc/docker";
  public static final String CA_PATH = CERTS_DIR + "/ca.pem";
  public static final String SERVER_CERT_PATH = CERTS_DIR + "/server.pem";
  public static final String SERVER_KEY_PATH = CERTS_DIR + "/server-key.pem";
  /** The storage driver when {@code --engine-storage-driver} is not given. */
  public static final String DEFAULT_STORAGE_DRIVER = "overlay2";

  private DockerDropIn() {}

  /** The storage driver to use: {@code --engine-storage-driver} if given, else overlay2. */
  public static String storageDriver(EngineOptions engine) {
    String supplied = engine == null ? null : engine.storageDriver();
    return supplied == null || supplied.isEmpty() ? DEFAULT_STORAGE_DRIVER : supplied;
  }

  /** dockerd's arguments, in Docker Machine's order; {@code provider=<driverName>} is always the last label. */
  public static List<String> dockerdArguments(EngineOptions engine, int port, String driverName) {
    List<String> args = new ArrayList<>();
    args.add("-H");
    args.add("tcp://0.0.0.0:" + port);
    args.add("-H");
    args.add("unix:///var/run/docker.sock");
    args.add("--storage-driver");
    args.add(storageDriver(engine));
    args.add("--tlsverify");
    args.add("--tlscacert");
    args.add(CA_PATH);
    args.add("--tlscert");
    args.add(SERVER_CERT_PATH);
    args.add("--tlskey");
    args.add(SERVER_KEY_PATH);
    for (String label : list(engine == null ? null : engine.labels())) {
      args.add("--label");
      args.add(label);
    }
    args.add("--label");
    args.add("provider=" + driverName);
    for (String registry : list(engine == null ? null : engine.insecureRegistry())) {
      args.add("--insecure-registry");
      args.add(registry);
    }
    for (String mirror : list(engine == null ? null : engine.registryMirror())) {
      args.add("--registry-mirror");
      args.add(mirror);
    }
    for (String flag : list(engine == null ? null : engine.arbitraryFlags())) {
      args.add("--" + flag);
    }
    return args;
  }

  /**
   * The drop-in's content. Same layout as Docker Machine's: every item followed by one space, the
   * {@code Environment=} line present even when empty.
   */
  public static String content(EngineOptions engine, int port, String driverName) {
    StringBuilder out = new StringBuilder();
    out.append("[Service]\n");
    out.append("ExecStart=\n");
    out.append("ExecStart=/usr/bin/dockerd ");
    for (String arg : dockerdArguments(engine, port, driverName)) {
      out.append(SystemdQuoting.execWord(arg)).append(' ');
    }
    out.append('\n');
    out.append("Environment=");
    for (String env : list(engine == null ? null : engine.env())) {
      out.append(SystemdQuoting.environment(env)).append(' ');
    }
    out.append('\n');
    return out.toString();
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }
}
