package dev.machine.core.provision;

import dev.machine.core.MachineException;

/**
 * Chooses the provisioner for a host from its {@code /etc/os-release}. Docker Machine iterated its
 * provisioners in random map order; here the checks run in a fixed order, most specific first, so
 * the same host always gets the same provisioner.
 */
public final class ProvisionerDetector {
  public static final Provisioner UBUNTU =
      new Provisioner("ubuntu(systemd)", PackageManager.APT, DockerInstall.SCRIPT, false);
  public static final Provisioner DEBIAN =
      new Provisioner("debian", PackageManager.APT, DockerInstall.SCRIPT, true);
  public static final Provisioner AMAZON_LINUX_2 =
      new Provisioner("amzn", PackageManager.YUM, DockerInstall.distributionPackage(PackageManager.YUM), false);
  public static final Provisioner AMAZON_LINUX_2023 =
      new Provisioner("amzn", PackageManager.DNF, DockerInstall.distributionPackage(PackageManager.DNF), false);
  public static final Provisioner SUSE =
      new Provisioner("SUSE", PackageManager.ZYPPER, DockerInstall.distributionPackage(PackageManager.ZYPPER), false);
  public static final Provisioner ARCH =
      new Provisioner("arch", PackageManager.PACMAN, DockerInstall.distributionPackage(PackageManager.PACMAN), false);

  private ProvisionerDetector() {}

  /**
   * The provisioner for {@code os}.
   *
   * @throws MachineException {@code <OS> is not supported} for distributions that are gone or too
   *     old, {@code OS type not recognized} for anything else unknown
   */
  public static Provisioner detect(OsRelease os) {
    String id = os.id();
    switch (id) {
      case "boot2docker" -> throw unsupported("Boot2Docker", "it is no longer maintained");
      case "rancheros" -> throw unsupported("RancherOS", "it is no longer maintained");
      case "coreos", "flatcar" -> throw unsupported(os.displayName(), "Container Linux is not provisioned over SSH");
      default -> {}
    }
    if (os.idLike().contains("coreos") || id.equals("fedora") && os.variantId().equals("coreos")) {
      throw unsupported(os.displayName(), "Container Linux is not provisioned over SSH");
    }
    switch (id) {
      case "ubuntu" -> {
        if (os.compareVersion(15, 4) < 0) {
          throw unsupported(os.displayName() + " (upstart)", "Ubuntu 15.04 or later (systemd) is required");
        }
        return UBUNTU;
      }
      case "debian" -> {
        return DEBIAN;
      }
      case "rhel" -> {
        return redHat("redhat", os, os.compareVersion(8, 0) >= 0 ? DockerInstall.RHEL_REPO : DockerInstall.CENTOS_REPO);
      }
      case "centos" -> {
        // get.docker.com supports CentOS, as Docker Machine relied on.
        return new Provisioner("centos", redHatPackages(os), DockerInstall.SCRIPT, false);
      }
      case "rocky", "almalinux", "ol" -> {
        return redHat(id, os, DockerInstall.CENTOS_REPO);
      }
      case "fedora" -> {
        return new Provisioner("fedora", PackageManager.DNF, DockerInstall.SCRIPT, false);
      }
      case "amzn" -> {
        if (os.versionId().equals("2")) {
          return AMAZON_LINUX_2;
        }
        if (os.compareVersion(2022, 0) >= 0) {
          return AMAZON_LINUX_2023;
        }
        throw unsupported(os.displayName(), "Amazon Linux 2 or 2023 is required");
      }
      case "arch" -> {
        return ARCH;
      }
      default -> {}
    }
    if (id.equals("sles") || id.equals("sled")) {
      return new Provisioner("SUSE", PackageManager.ZYPPER, DockerInstall.slesContainersModule(slesModuleVersion(os)), false);
    }
    if (os.isLike("suse") || id.startsWith("opensuse")) {
      return SUSE;
    }
    if (os.idLike().contains("arch")) {
      return ARCH;
    }
    throw new MachineException("OS type not recognized");
  }

  /** RHEL and its rebuilds: Docker CE from Docker's repository at {@code repoUrl}. */
  private static Provisioner redHat(String name, OsRelease os, String repoUrl) {
    PackageManager pm = redHatPackages(os);
    return new Provisioner(name, pm, DockerInstall.dockerRepository(pm, repoUrl), false);
  }

  /** yum before EL 8, dnf from EL 8 on. */
  private static PackageManager redHatPackages(OsRelease os) {
    return os.compareVersion(8, 0) >= 0 ? PackageManager.DNF : PackageManager.YUM;
  }

  /** The Containers Module follows the service pack from SLE 15 on ({@code 15.5}); SLE 12 has one. */
  private static String slesModuleVersion(OsRelease os) {
    return os.compareVersion(15, 0) >= 0 ? os.versionId() : "12";
  }

  private static MachineException unsupported(String os, String why) {
    return new MachineException(os + " is not supported: " + why);
  }
}
