package dev.machine.core.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The variables {@code env} sets or unsets, in Docker Machine's order (§1.7). */
public final class DockerEnv {
  public static final String TLS_VERIFY = "DOCKER_TLS_VERIFY";
  public static final String HOST = "DOCKER_HOST";
  public static final String CERT_PATH = "DOCKER_CERT_PATH";
  public static final String MACHINE_NAME = "DOCKER_MACHINE_NAME";
  public static final String COMPOSE_CONVERT_WINDOWS_PATHS = "COMPOSE_CONVERT_WINDOWS_PATHS";

  private DockerEnv() {}

  /**
   * {@code DOCKER_TLS_VERIFY=1}, {@code DOCKER_HOST}, {@code DOCKER_CERT_PATH},
   * {@code DOCKER_MACHINE_NAME}, then {@code COMPOSE_CONVERT_WINDOWS_PATHS=true} on Windows, then
   * the no-proxy variable if any.
   *
   * @param dockerHost the machine's (or swarm's) URL, e.g. {@code tcp://1.2.3.4:2376}
   * @param certPath the machine's directory, {@code <store>/machines/<name>}
   */
  public static List<EnvVar> variables(
      String dockerHost, Path certPath, String machineName, boolean windows, Optional<EnvVar> noProxy) {
    List<EnvVar> vars = new ArrayList<>();
    vars.add(new EnvVar(TLS_VERIFY, "1"));
    vars.add(new EnvVar(HOST, dockerHost));
    vars.add(new EnvVar(CERT_PATH, certPath.toString()));
    vars.add(new EnvVar(MACHINE_NAME, machineName));
    if (windows) {
      vars.add(new EnvVar(COMPOSE_CONVERT_WINDOWS_PATHS, "true"));
    }
    noProxy.ifPresent(vars::add);
    return List.copyOf(vars);
  }

  /** The names {@code env -u} removes: the four DOCKER_* ones, then the no-proxy name with {@code --no-proxy}. */
  public static List<String> unsetNames(boolean noProxy, Map<String, String> env) {
    List<String> names = new ArrayList<>(List.of(TLS_VERIFY, HOST, CERT_PATH, MACHINE_NAME));
    if (noProxy) {
      names.add(noProxyName(env));
    }
    return List.copyOf(names);
  }

  /** {@code no_proxy} if {@code $no_proxy} is non-empty, else {@code NO_PROXY}. */
  public static String noProxyName(Map<String, String> env) {
    String lower = env.get("no_proxy");
    return lower != null && !lower.isEmpty() ? "no_proxy" : "NO_PROXY";
  }

  /**
   * The no-proxy variable with the machine's IP added (§1.7 {@code --no-proxy}): the IP alone when
   * the current value is empty, the value unchanged when it already contains the IP (a substring
   * test, as upstream), otherwise {@code value,IP}.
   *
   * @param ip the driver's IP ({@code host:port} for the none driver)
   */
  public static EnvVar noProxy(String ip, Map<String, String> env) {
    String name = noProxyName(env);
    String current = env.getOrDefault(name, "");
    String value;
    if (current.isEmpty()) {
      value = ip;
    } else if (current.contains(ip)) {
      value = current;
    } else {
      value = current + "," + ip;
    }
    return new EnvVar(name, value);
  }
}
