package dev.machine.core.provision;

import dev.machine.core.ssh.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Docker comes from on a host that does not have it yet, unless the user gave an
 * {@code --engine-install-url} (which always wins).
 *
 * @param source the kind of source
 * @param commands the commands that install it, in order (none for the install script)
 * @param failureHint what a user needs to know when they fail ({@code ""}: nothing)
 */
public record DockerInstall(Source source, List<String> commands, String failureHint) {
  /** Docker's repository file for the CentOS family, which serves RHEL's rebuilds too. */
  public static final String CENTOS_REPO = "https://download.docker.com/linux/centos/docker-ce.repo";
  /** Docker's repository file for RHEL itself. */
  public static final String RHEL_REPO = "https://download.docker.com/linux/rhel/docker-ce.repo";

  /** The install script at get.docker.com (Docker Machine's way). */
  public static final DockerInstall SCRIPT = new DockerInstall(Source.INSTALL_SCRIPT, List.of(), "");

  /** The kinds of source. */
  public enum Source {
    /** The install script at {@code --engine-install-url} (get.docker.com by default). */
    INSTALL_SCRIPT,
    /** The distribution's own {@code docker} package (get.docker.com does not support the family). */
    DISTRIBUTION_PACKAGE,
    /**
     * Docker CE from Docker's rpm repository, as Docker documents it for RHEL and its rebuilds
     * (get.docker.com rejects Rocky, AlmaLinux and Oracle Linux as unsupported).
     */
    DOCKER_REPOSITORY
  }

  public DockerInstall {
    commands = List.copyOf(commands);
  }

  /** The distribution's {@code docker} package. */
  static DockerInstall distributionPackage(PackageManager packages) {
    return new DockerInstall(Source.DISTRIBUTION_PACKAGE, List.of(packages.installCommand("docker")), "");
  }

  /** Docker CE from the repository file at {@code repoUrl}. */
  static DockerInstall dockerRepository(PackageManager packages, String repoUrl) {
    List<String> commands = new ArrayList<>(packages.addRepositoryCommands(repoUrl));
    commands.add(packages.installCommand("docker-ce docker-ce-cli containerd.io"));
    return new DockerInstall(Source.DOCKER_REPOSITORY, commands, "");
  }

  /**
   * SLES's {@code docker} package, which is in its Containers Module: the module is added first,
   * as Docker Machine did ({@code SUSEConnect}, which needs the host to be registered).
   *
   * @param moduleVersion the module's version: the release ({@code 15.5}) from SLES 15 on, {@code 12} before
   */
  static DockerInstall slesContainersModule(String moduleVersion) {
    String module = "sle-module-containers/" + ShellQuote.quote(moduleVersion) + "/$(uname -m)";
    return new DockerInstall(
        Source.DISTRIBUTION_PACKAGE,
        List.of("sudo -E SUSEConnect -p " + module, PackageManager.ZYPPER.installCommand("docker")),
        "SLES has Docker in its Containers Module, which needs the host registered with the SUSE Customer "
            + "Center or a local RMT/SMT server (SUSEConnect -r ...)");
  }
}
