package dev.machine.core.provision;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.EngineOptions;
import dev.machine.core.host.Host;
import dev.machine.core.host.MachineCertificates;
import dev.machine.core.ssh.CommandFailure;
import dev.machine.core.ssh.CommandResult;
import dev.machine.core.ssh.RemoteShell;
import dev.machine.core.ssh.ShellQuote;
import dev.machine.core.ssh.SshException;
import dev.machine.core.ssh.SshWait;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of provisioning one host over one open {@link RemoteShell}, in Docker Machine's order.
 * One instance per connection; not thread-safe.
 */
final class HostSetup {
  static final String DOCKER_PORT_PROBE = "if ! type netstat 1>/dev/null; then ss -tln; else netstat -tln; fi";
  static final int DEFAULT_DOCKER_PORT = 2376;
  private static final String NO_INSTALL_URL = "none";
  /** Succeeds when the user's shell finds a {@code docker} command. */
  static final String HAS_DOCKER = "command -v docker";
  private static final int SCRIPT_OUTPUT_LINES = 20;
  /** Starts docker unless it runs (a package may install it stopped). */
  static final String START_IF_STOPPED = "sudo systemctl is-active docker || sudo systemctl -f start docker";

  private final RemoteShell shell;
  private final Host host;
  private final Progress progress;
  private final Waits waits;
  private final ServerCertIssuer certs;
  private final Logger log = LoggerFactory.getLogger(HostSetup.class);

  HostSetup(RemoteShell shell, Host host, Progress progress, Waits waits, ServerCertIssuer certs) {
    this.shell = shell;
    this.host = host;
    this.progress = progress;
    this.waits = waits;
    this.certs = certs;
  }

  /** Reads {@code /etc/os-release} and chooses the provisioner. */
  Provisioner detect() {
    progress.info("Detecting the provisioner...");
    CommandResult osRelease = shell.run("cat /etc/os-release");
    if (!osRelease.ok()) {
      throw new MachineException(
          "Error getting SSH command: " + CommandFailure.message("cat /etc/os-release", osRelease));
    }
    return ProvisionerDetector.detect(OsRelease.parse(osRelease.output()));
  }

  /** Docker Machine's {@code Provision()}: hostname, packages, Docker, certificates, daemon options. */
  void provision(Provisioner provisioner) {
    EngineOptions engine = host.hostOptions().engineOptions();
    if (provisioner.installsSudo()) {
      runWaitingForLock("if ! type sudo; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y sudo; fi");
    }
    setHostname(host.name());
    installPackage(provisioner.packages(), "curl");
    installDocker(provisioner, engine == null ? null : engine.installUrl());
    waitForDockerCli();
    configureAuth();
    mustRun("sudo systemctl -f enable docker");
  }

  private void setHostname(String name) {
    if (!Host.isValidName(name)) {
      throw new MachineException(
          "Invalid hostname specified. Allowed hostname chars are: 0-9a-zA-Z . -");
    }
    String quoted = ShellQuote.quote(name);
    mustRun("sudo hostname " + quoted + " && echo " + quoted + " | sudo tee /etc/hostname");
    // The name is [a-zA-Z0-9.-] only (checked above), so it is safe inside these quotes and, with
    // its dots escaped, as a regular expression.
    String regex = name.replace(".", "\\.");
    mustRun(
        "if ! grep -xq '.*\\s" + regex + "' /etc/hosts; then "
            + "if grep -xq '127.0.1.1\\s.*' /etc/hosts; then "
            + "sudo sed -i 's/^127.0.1.1\\s.*/127.0.1.1 " + name + "/g' /etc/hosts; "
            + "else echo '127.0.1.1 " + name + "' | sudo tee -a /etc/hosts; fi; fi");
  }

  private void installPackage(PackageManager packages, String pkg) {
    packages.refreshCommand().ifPresent(this::runWaitingForLock);
    runPackageCommand(packages, packages.installCommand(pkg));
  }

  /** A package command; apt's wait while another apt or dpkg holds the lock (yum, dnf and zypper wait by themselves). */
  private void runPackageCommand(PackageManager packages, String command) {
    if (packages == PackageManager.APT) {
      runWaitingForLock(command);
    } else {
      mustRun(command);
    }
  }

  /**
   * Installs Docker unless the host has it. The install script is downloaded to a file first
   * ({@code curl -f}), so an HTTP error or an unreachable URL fails here, with the URL named,
   * instead of piping an error page (or nothing) into {@code sh}; afterwards the {@code docker}
   * command must exist.
   */
  private void installDocker(Provisioner provisioner, String installUrl) {
    String url = installUrl == null || installUrl.isEmpty() ? EngineOptions.DEFAULT_INSTALL_URL : installUrl;
    if (url.equals(NO_INSTALL_URL)) {
      return;
    }
    progress.info("Installing Docker...");
    if (shell.run(HAS_DOCKER).ok()) {
      return;
    }
    DockerInstall docker = provisioner.docker();
    String source;
    if (docker.source() != DockerInstall.Source.INSTALL_SCRIPT && url.equals(EngineOptions.DEFAULT_INSTALL_URL)) {
      for (String install : docker.commands()) {
        CommandResult result = shell.run(install);
        if (!result.ok()) {
          throw new MachineException(
              withHint("error installing docker: " + CommandFailure.message(install, result), docker.failureHint()));
        }
      }
      source = "installing the docker packages";
    } else {
      runInstallScript(url);
      source = "running the install script " + url;
    }
    if (!shell.run(HAS_DOCKER).ok()) {
      throw new MachineException(
          "error installing docker: there is no docker command on the host after " + source);
    }
  }

  /** {@code message} with {@code hint} on its second line, so the first still gives the cause. */
  private static String withHint(String message, String hint) {
    if (hint.isEmpty()) {
      return message;
    }
    int end = message.indexOf('\n');
    return end < 0 ? message + "\n" + hint : message.substring(0, end) + "\n" + hint + message.substring(end);
  }

  /** Downloads the install script to a private file on the host, runs it with sh, removes it. */
  private void runInstallScript(String url) {
    // A random name: nobody else on the host can have prepared (or linked) this path in /tmp.
    String script = ShellQuote.quote("/tmp/machine-docker-install-" + UUID.randomUUID() + ".sh");
    try {
      CommandResult download =
          shell.run("umask 077 && curl -fsSL -o " + script + " " + ShellQuote.quote(url));
      if (!download.ok()) {
        throw new MachineException(
            "error installing docker: cannot download the install script " + url + ": "
                + oneLine(download.output(), "curl exit status " + download.exitCode()));
      }
      CommandResult run = shell.run("sh " + script);
      if (!run.ok()) {
        throw new MachineException(
            "error installing docker: the install script " + url + " failed with exit status "
                + run.exitCode() + lastLines(run.output(), SCRIPT_OUTPUT_LINES));
      }
    } finally {
      removeQuietly(script);
    }
  }

  private void removeQuietly(String quotedPath) {
    try {
      shell.run("rm -f " + quotedPath);
    } catch (MachineException e) {
      // The connection is gone: the failure that got us here is what the user must see.
    }
  }

  /** Output on one line (curl prints one; a proxy or a shell may add more), or {@code ifEmpty}. */
  private static String oneLine(String output, String ifEmpty) {
    String line = output.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.isEmpty() ? ifEmpty : line;
  }

  /** The end of a long output on the lines after the message (the script's error is at its end). */
  private static String lastLines(String output, int count) {
    List<String> lines = output.strip().lines().toList();
    if (lines.isEmpty()) {
      return "";
    }
    return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /**
   * Starts docker if a package left it stopped, then waits until {@code sudo docker version} works.
   * A docker that will not start is no error yet: the likely cause is a bad drop-in an earlier run
   * left, which {@link #configureAuth} replaces before it checks the daemon itself. Failing here
   * would make every later provision fail on the old options, so the host could never be repaired.
   */
  private void waitForDockerCli() {
    CommandResult started = shell.run(START_IF_STOPPED);
    if (!started.ok()) {
      progress.info("Docker does not start with its current configuration; replacing it...");
      return;
    }
    boolean ready =
        Waits.poll(
            waits.attempts(),
            waits.interval(),
            () -> {
              CommandResult result = runForWait("sudo docker version").orElse(null);
              if (result != null && !result.ok() && result.output().contains("command not found")) {
                throw new MachineException("error installing docker: docker is not installed on the host");
              }
              return result != null && result.ok();
            });
    if (!ready) {
      throw new MachineException(Waits.retriesExceeded(waits.attempts()));
    }
  }

  /**
   * Docker Machine's {@code ConfigureAuth}: certificates and daemon options, then a daemon restart.
   * Unlike Docker Machine, which stops docker first, everything is uploaded while the daemon runs
   * (it reads them only at start, and each file is replaced atomically): a failed upload leaves the
   * running daemon untouched, and docker is down only for the restart. When docker does not come
   * up with the new drop-in (a bad {@code --engine-opt}), the previous one is put back and docker
   * restarted with it, so the host is left as it was; the failure is still reported.
   */
  void configureAuth() {
    AuthOptions auth = host.hostOptions().authOptions();
    String ip = host.driver().ip();
    progress.info("Copying certs to the local machine directory...");
    MachineCertificates.copyToMachineDir(auth);
    List<String> sans = new ArrayList<>();
    if (auth.serverCertSans() != null) {
      sans.addAll(auth.serverCertSans());
    }
    sans.add(ip);
    sans.add("localhost");
    try {
      certs.issue(auth, host.name(), sans, false);
    } catch (MachineException e) {
      throw new MachineException("error generating server cert: " + e.getMessage(), e);
    }

    progress.info("Copying certs to the remote machine...");
    mustRun("sudo mkdir -p " + DockerDropIn.CERTS_DIR + " " + parent(DockerDropIn.PATH));
    shell.writeFile(DockerDropIn.CA_PATH, read(auth.caCertPath()), 0644);
    shell.writeFile(DockerDropIn.SERVER_CERT_PATH, read(auth.serverCertPath()), 0644);
    shell.writeFile(DockerDropIn.SERVER_KEY_PATH, read(auth.serverKeyPath()), 0600);

    int port = dockerPort();
    progress.info("Setting Docker configuration on the remote daemon...");
    String dropIn = DockerDropIn.content(host.hostOptions().engineOptions(), port, host.driver().driverName());
    mustRun(DropInBackup.SAVE);
    shell.writeFile(DockerDropIn.PATH, dropIn.getBytes(StandardCharsets.UTF_8), 0644);
    try {
      mustRun("sudo systemctl daemon-reload");
      // Stop, drop a leftover docker0 (its old address would survive a changed --bip), start.
      mustRun("sudo systemctl -f stop docker");
      mustRun("if [ ! -z \"$(ip link show docker0 2>/dev/null)\" ]; then sudo ip link delete docker0; fi");
      mustRun("sudo systemctl -f start docker");
      waitForDaemonPort(port);
    } catch (MachineException e) {
      throw restorePreviousDropIn(e);
    }
    // A copy left behind would be harmless (systemd ignores it; the next run replaces it).
    shell.run(DropInBackup.DISCARD);
  }

  /**
   * Puts the previous drop-in back (or removes the new one when there was none) and restarts
   * docker with it. Returns the exception to throw: {@code failure}, with a line added when the
   * host could not be put back either.
   */
  private MachineException restorePreviousDropIn(MachineException failure) {
    progress.info("Docker did not start with the new configuration; putting back the previous one...");
    try {
      mustRun(DropInBackup.RESTORE);
      mustRun("sudo systemctl daemon-reload");
      mustRun("sudo systemctl -f restart docker");
      return failure;
    } catch (MachineException e) {
      return new MachineException(
          failure.getMessage() + "\nThe previous Docker configuration could not be restarted either: " + e.getMessage(),
          failure);
    }
  }

  /** Docker Machine's {@code WaitForDocker}: polls ss/netstat for the daemon's TCP port. */
  void waitForDaemonPort(int port) {
    Pattern listening = Pattern.compile(":" + port + "\\s+.*:.*");
    boolean up =
        Waits.poll(
            waits.portAttempts(),
            waits.portInterval(),
            () -> runForWait(DOCKER_PORT_PROBE).map(r -> listening.matcher(r.output()).find()).orElse(false));
    if (!up) {
      throw new MachineException(
          "Unable to verify the Docker daemon is listening: " + Waits.retriesExceeded(waits.portAttempts()));
    }
  }

  /**
   * Runs {@code command} as one attempt of a wait. As in Docker Machine's waits, an SSH failure is
   * "not yet" (empty): a host drops the connection while it reboots, and the next attempt dials
   * anew (see {@link HostConnection}). A failure waiting cannot fix, such as a rejected key or a
   * changed host key, ends the wait.
   */
  private Optional<CommandResult> runForWait(String command) {
    try {
      return Optional.of(shell.run(command));
    } catch (SshException e) {
      if (!SshWait.isTransient(e.reason())) {
        throw e;
      }
      log.debug("{}: not yet: {}", command, e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code upgrade}: the installed Docker packages to their newest version, then a restart. */
  void upgrade(Provisioner provisioner) {
    progress.info("Upgrading docker...");
    provisioner.packages().refreshCommand().ifPresent(this::runWaitingForLock);
    runPackageCommand(provisioner.packages(), provisioner.packages().upgradeDockerCommand());
    progress.info("Restarting docker...");
    mustRun("sudo systemctl daemon-reload");
    mustRun("sudo systemctl -f restart docker");
    waitForDaemonPort(dockerPort());
  }

  /** The port of the driver's Docker URL (2376 when it names none). */
  int dockerPort() {
    String url = host.driver().url();
    int port = URI.create(url).getPort();
    return port > 0 ? port : DEFAULT_DOCKER_PORT;
  }

  private static byte[] read(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new MachineException("Could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Runs an apt command again while another apt holds the lock (Docker Machine's {@code waitForLock}). */
  private void runWaitingForLock(String command) {
    CommandResult[] last = new CommandResult[1];
    boolean done =
        Waits.poll(
            waits.attempts(),
            waits.interval(),
            () -> {
              last[0] = shell.run(command);
              return last[0].ok() || !last[0].output().contains("Could not get lock");
            });
    if (!done) {
      throw new MachineException("Failed to obtain lock: " + Waits.retriesExceeded(waits.attempts()));
    }
    if (!last[0].ok()) {
      throw new MachineException("Error running \"" + command + "\": " + CommandFailure.reason(last[0]));
    }
  }

  private CommandResult mustRun(String command) {
    CommandResult result = shell.run(command);
    if (!result.ok()) {
      throw new MachineException(CommandFailure.message(command, result));
    }
    return result;
  }

  private static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }
}
