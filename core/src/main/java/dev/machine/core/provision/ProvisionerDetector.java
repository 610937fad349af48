package dev.machine.core.provision;

import dev.machine.core.MachineException;
import dev.machine.core.provision.Provisioner.DockerSource;

/**
 * Chooses the provisioner for a host from its {@code /etc/os-release}. Docker Machine iterated its
 * provisioners in random map order; here the checks run in a fixed order, most specific first, so
 * the same host always gets the same provisioner.
 */
public final class ProvisionerDetector {
  public static final Provisioner UBUNTU =
      new Provisioner("ubuntu(systemd)", PackageManager.APT, DockerSource.INSTALL_SCRIPT, false);
  public static final Provisioner DEBIAN =
      new Provisioner("debian", PackageManager.APT, DockerSource.INSTALL_SCRIPT, true);
  public static final Provisioner AMAZON_LINUX_2 =
      new Provisioner("amzn", PackageManager.YUM, DockerSource.DISTRIBUTION_PACKAGE, false);
  public static final Provisioner AMAZON_LINUX_2023 =
      new Provisioner("amzn", PackageManager.DNF, DockerSource.DISTRIBUTION_PACKAGE, false);
  public static final Provisioner SUSE =
      new Provisioner("SUSE", PackageManager.ZYPPER, DockerSource.DISTRIBUTION_PACKAGE, false);
  public static final Provisioner ARCH =
      new Provisioner("arch", PackageManager.PACMAN, DockerSource.DISTRIBUTION_PACKAGE, false);

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
        return redHat("redhat", os);
      }
      case "centos" -> {
        return redHat("centos", os);
      }
      case "rocky" -> {
        return redHat("rocky", os);
      }
      case "almalinux" -> {
        return redHat("almalinux", os);
      }
      case "ol" -> {
        return redHat("ol", os);
      }
      case "fedora" -> {
        return new Provisioner("fedora", PackageManager.DNF, DockerSource.INSTALL_SCRIPT, false);
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
    if (os.isLike("suse") || id.startsWith("opensuse") || id.equals("sles")) {
      return SUSE;
    }
    if (os.idLike().contains("arch")) {
      return ARCH;
    }
    throw new MachineException("OS type not recognized");
  }

  /** RHEL and its rebuilds: yum before EL 8, dnf from EL 8 on. */
  private static Provisioner redHat(String name, OsRelease os) {
    PackageManager pm = os.compareVersion(8, 0) >= 0 ? PackageManager.DNF : PackageManager.YUM;
    return new Provisioner(name, pm, DockerSource.INSTALL_SCRIPT, false);
  }

  private static MachineException unsupported(String os, String why) {
    return new MachineException(os + " is not supported: " + why);
  }
}
