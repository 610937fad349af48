package dev.machine.core.provision;

import dev.machine.core.ssh.CommandResult;

/**
 * A systemd host whose docker starts only when its drop-in holds no option dockerd rejects: it
 * keeps the drop-in, the provisioner's copy of the previous one and whether docker runs, and
 * answers the commands provisioning sends as such a host would.
 */
final class FakeDockerHost {
  /** The option this host's dockerd refuses. */
  static final String BAD_OPTION = "--no-such-flag=1";

  static final String START_FAILURE =
      "Job for docker.service failed because the control process exited with error code.\n"
          + "See \"systemctl status docker.service\" and \"journalctl -xeu docker.service\" for details.\n";

  private final String osRelease;
  private RecordingShell shell;
  private String dropIn;
  private String backup;
  private boolean running;

  /** A host with {@code dropIn} in place (null: none) and docker running if it can. */
  FakeDockerHost(String osRelease, String dropIn) {
    this.dropIn = dropIn;
    this.running = startable();
    this.osRelease = osRelease;
  }

  /** A new connection to this host (recorded; {@link #shell()} until the next one). */
  RecordingShell connect() {
    shell = new RecordingShell();
    shell.answer("cat /etc/os-release", 0, OsReleaseSamples.text(osRelease));
    shell.answer(HostSetup.DOCKER_PORT_PROBE::equals, c -> new CommandResult(0, running ? ProvisioningTestBase.SS_LISTENING : ""));
    shell.answer("sudo docker version"::equals, c -> running ? ok() : new CommandResult(1, "Cannot connect to the Docker daemon"));
    shell.answer(HostSetup.START_IF_STOPPED::equals, c -> running ? new CommandResult(0, "active\n") : start());
    shell.answer("sudo systemctl -f start docker"::equals, c -> start());
    shell.answer("sudo systemctl -f restart docker"::equals, c -> {
      running = false;
      return start();
    });
    shell.answer("sudo systemctl -f stop docker"::equals, c -> {
      running = false;
      return ok();
    });
    shell.answer(DropInBackup.SAVE::equals, c -> {
      backup = this.dropIn;
      return ok();
    });
    shell.answer(DropInBackup.RESTORE::equals, c -> {
      this.dropIn = backup;
      backup = null;
      return ok();
    });
    shell.answer(DropInBackup.DISCARD::equals, c -> {
      backup = null;
      return ok();
    });
    shell.onUpload(u -> {
      if (u.path().equals(DockerDropIn.PATH)) {
        this.dropIn = u.text();
      }
    });
    return shell;
  }

  /** The last connection. */
  RecordingShell shell() {
    return shell;
  }

  /** The drop-in on the host now (null: none). */
  String dropIn() {
    return dropIn;
  }

  boolean dockerRunning() {
    return running;
  }

  /** Whether the provisioner's copy of the previous drop-in is still there. */
  boolean hasBackup() {
    return backup != null;
  }

  private boolean startable() {
    return dropIn == null || !dropIn.contains(BAD_OPTION);
  }

  private CommandResult start() {
    running = startable();
    return running ? ok() : new CommandResult(1, START_FAILURE);
  }

  private static CommandResult ok() {
    return new CommandResult(0, "");
  }
}
