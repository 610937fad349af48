package dev.machine.core.provision;

/**
 * How Docker is installed and run on one distribution family. Every supported family runs
 * systemd, so the daemon is configured by the same drop-in everywhere; families differ in their
 * package manager and in where Docker comes from.
 *
 * @param name the name Docker Machine prints in {@code Provisioning with <name>...}
 * @param packages the package manager
 * @param dockerSource where Docker comes from when it is missing
 * @param installsSudo whether {@code sudo} is installed first (minimal Debian images lack it)
 */
public record Provisioner(String name, PackageManager packages, DockerSource dockerSource, boolean installsSudo) {

  /** Where Docker comes from on a host that does not have it yet. */
  public enum DockerSource {
    /** The install script at {@code --engine-install-url} (get.docker.com by default). */
    INSTALL_SCRIPT,
    /**
     * The distribution's own {@code docker} package (get.docker.com does not support the family);
     * an explicitly given {@code --engine-install-url} still wins.
     */
    DISTRIBUTION_PACKAGE
  }

  @Override
  public String toString() {
    return name;
  }
}
