package dev.machine.core.provision;

/**
 * How Docker is installed and run on one distribution family. Every supported family runs
 * systemd, so the daemon is configured by the same drop-in everywhere; families differ in their
 * package manager and in where Docker comes from.
 *
 * @param name the name Docker Machine prints in {@code Provisioning with <name>...}
 * @param packages the package manager
 * @param docker where Docker comes from when it is missing
 * @param installsSudo whether {@code sudo} is installed first (minimal Debian images lack it)
 */
public record Provisioner(String name, PackageManager packages, DockerInstall docker, boolean installsSudo) {
  @Override
  public String toString() {
    return name;
  }
}
