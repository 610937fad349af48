package dev.machine.core.provision;

import dev.machine.core.ssh.ShellQuote;
import java.util.List;
import java.util.Optional;

/** How packages are installed and upgraded on a distribution family. Commands run as the SSH user. */
public enum PackageManager {
  APT {
    @Override
    public Optional<String> refreshCommand() {
      return Optional.of("sudo apt-get update");
    }

    @Override
    public String installCommand(String pkg) {
      // Two spaces, as Docker Machine writes it.
      return "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  " + pkg;
    }

    @Override
    public String upgradeDockerCommand() {
      return "pkgs=$(dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\\n' "
          + DEB_DOCKER_PACKAGES
          + " 2>/dev/null | awk '$1 == \"ii\" {print $2}'); "
          + "if [ -n \"$pkgs\" ]; then DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y --only-upgrade $pkgs; fi";
    }
  },
  YUM {
    @Override
    public String installCommand(String pkg) {
      return "sudo -E yum install -y " + pkg;
    }

    @Override
    public String upgradeDockerCommand() {
      return rpmUpgrade("sudo -E yum upgrade -y");
    }

    @Override
    public List<String> addRepositoryCommands(String repoUrl) {
      return List.of(installCommand("yum-utils"), "sudo -E yum-config-manager --add-repo " + ShellQuote.quote(repoUrl));
    }
  },
  DNF {
    @Override
    public String installCommand(String pkg) {
      return "sudo -E dnf install -y " + pkg;
    }

    @Override
    public String upgradeDockerCommand() {
      return rpmUpgrade("sudo -E dnf upgrade -y");
    }

    @Override
    public List<String> addRepositoryCommands(String repoUrl) {
      return List.of(installCommand("dnf-plugins-core"), "sudo -E dnf config-manager --add-repo " + ShellQuote.quote(repoUrl));
    }
  },
  ZYPPER {
    @Override
    public String installCommand(String pkg) {
      return "sudo -E zypper -n in " + pkg;
    }

    @Override
    public String upgradeDockerCommand() {
      return "sudo -E zypper -n up docker";
    }
  },
  PACMAN {
    @Override
    public String installCommand(String pkg) {
      return "sudo -E pacman -Sy --noconfirm --noprogressbar " + pkg;
    }

    @Override
    public String upgradeDockerCommand() {
      return "sudo -E pacman -Sy --noconfirm --noprogressbar docker";
    }
  };

  /** Debian/Ubuntu packages that make up a Docker install, from docker.com's repo or the distro's. */
  static final String DEB_DOCKER_PACKAGES =
      "docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin docker.io containerd runc";

  /** RPM packages that make up a Docker install (docker.com's repo, the distro's, Amazon Linux's). */
  static final String RPM_DOCKER_PACKAGES =
      "docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin docker moby-engine containerd runc";

  /** The metadata refresh run before installing, if this manager needs one. */
  public Optional<String> refreshCommand() {
    return Optional.empty();
  }

  /** Installs {@code pkg} (one of our own package names, never user input) non-interactively. */
  public abstract String installCommand(String pkg);

  /**
   * Upgrades the Docker packages that are installed, whichever repository they came from. Only
   * installed packages are named, so nothing new is pulled in and, with rpm, an empty list never
   * turns into a full system upgrade.
   */
  public abstract String upgradeDockerCommand();

  /**
   * Adds the rpm repository whose {@code .repo} file is at {@code repoUrl} (the config-manager
   * plugin is installed first: minimal images lack it).
   *
   * @throws UnsupportedOperationException for a manager without rpm repository files
   */
  public List<String> addRepositoryCommands(String repoUrl) {
    throw new UnsupportedOperationException(this + " has no rpm repositories");
  }

  private static String rpmUpgrade(String upgrade) {
    return "pkgs=$(rpm -q --qf '%{NAME}\\n' "
        + RPM_DOCKER_PACKAGES
        + " 2>/dev/null | grep -v ' '); if [ -n \"$pkgs\" ]; then "
        + upgrade
        + " $pkgs; fi";
  }
}
