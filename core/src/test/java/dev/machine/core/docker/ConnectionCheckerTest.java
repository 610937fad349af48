package dev.machine.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.cert.CertificateBootstrap;
import dev.machine.core.host.AuthOptions;
import dev.machine.core.host.Host;
import dev.machine.core.testing.LocalTlsDockerd;
import dev.machine.core.testing.StoreCertificates;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker Machine's connection check against a real {@code dockerd --tlsverify}. */
class ConnectionCheckerTest {
  @TempDir static Path stores;
  static AuthOptions auth;
  static AuthOptions otherCa;
  static LocalTlsDockerd dockerd;

  @BeforeAll
  static void startDaemon() {
    auth = StoreCertificates.authOptions(stores.resolve("store"), "dev");
    dockerd = LocalTlsDockerd.start(auth);
    otherCa = StoreCertificates.authOptions(stores.resolve("other"), "dev");
    new CertificateBootstrap(Progress.SILENT).bootstrap(otherCa);
  }

  @AfterAll
  static void stopDaemon() {
    if (dockerd != null) {
      dockerd.close();
    }
  }

  private static String certError(String hostPort, String tlsError, String program) {
    return "Error checking and/or regenerating the certs: There was an error validating certificates for host \""
        + hostPort + "\": " + tlsError + "\n"
        + "You can attempt to regenerate them using '" + program + " regenerate-certs [name]'.\n"
        + "Be advised that this will trigger a Docker daemon restart which might stop running containers.\n";
  }

  @Test
  void passesAndReturnsTheUrlWhenTheDaemonAcceptsOurCertificates() {
    Host host = UrlDriver.host("dev", stores, dockerd.url(), auth);

    assertThat(new ConnectionChecker().check(host, false)).isEqualTo(dockerd.url());
  }

  @Test
  void failsWithDockerMachinesMessageWhenTheDaemonHasAnotherCa() {
    Host host = UrlDriver.host("dev", stores, dockerd.url(), otherCa);

    assertThatThrownBy(() -> new ConnectionChecker().check(host, false))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            certError(
                "127.0.0.1:" + dockerd.port(), "x509: certificate signed by unknown authority", "docker-machine"));
  }

  @Test
  void failsWhenNothingListens() throws Exception {
    int port = TlsStores.closedPort();
    Host host = UrlDriver.host("dev", stores, "tcp://127.0.0.1:" + port, auth);

    assertThatThrownBy(() -> new ConnectionChecker().check(host, false))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            certError(
                "127.0.0.1:" + port, "dial tcp 127.0.0.1:" + port + ": connect: connection refused", "docker-machine"));
  }

  @Test
  void failsWhenTheDaemonRejectsOurClientCertificate() {
    // Trusts the daemon, but presents a client certificate from another CA.
    Host host = UrlDriver.host("dev", stores, dockerd.url(), TlsStores.trustingWithClientOf(auth, otherCa));

    assertThatThrownBy(() -> new ConnectionChecker().check(host, false))
        .isInstanceOf(MachineException.class)
        .hasMessage(certError("127.0.0.1:" + dockerd.port(), "remote error: tls: bad certificate", "docker-machine"));
  }

  @Test
  void namesTheGivenProgramInTheHint() {
    Host host = UrlDriver.host("dev", stores, dockerd.url(), otherCa);

    assertThatThrownBy(() -> new ConnectionChecker().check(host, false, "machine"))
        .hasMessage(
            certError("127.0.0.1:" + dockerd.port(), "x509: certificate signed by unknown authority", "machine"));
  }

  @Test
  void aMissingCaFileIsACertificateError() {
    AuthOptions missing = StoreCertificates.authOptions(stores.resolve("nothing-here"), "dev");
    Host host = UrlDriver.host("dev", stores, dockerd.url(), missing);

    assertThatThrownBy(() -> new ConnectionChecker().check(host, false))
        .hasMessage(
            certError(
                "127.0.0.1:" + dockerd.port(),
                "open " + missing.caCertPath() + ": no such file or directory",
                "docker-machine"));
  }

  @Test
  void aStoppedHostIsReportedAsSuch() {
    Host host = UrlDriver.host("dev", stores, null, auth);

    assertThatThrownBy(() -> new ConnectionChecker().check(host, false))
        .isInstanceOf(MachineException.class)
        .hasMessage("Host is not running");
  }

  @Test
  void swarmNeedsASwarmMaster() {
    Host host = UrlDriver.host("dev", stores, dockerd.url(), auth);

    assertThatThrownBy(() -> new ConnectionChecker().check(host, true))
        .isInstanceOf(MachineException.class)
        .hasMessage("\"dev\" is not a swarm master. The --swarm flag is intended for use with swarm masters");
  }

  @Test
  void swarmChecksTheSwarmPortOnTheMachinesAddress() throws Exception {
    // The engine URL points nowhere; the swarm port (on 0.0.0.0 in the options) is the daemon's.
    int closed = TlsStores.closedPort();
    Host host =
        UrlDriver.host(
            "dev", stores, "tcp://127.0.0.1:" + closed, auth, true, "tcp://0.0.0.0:" + dockerd.port());

    assertThat(new ConnectionChecker().check(host, true)).isEqualTo("tcp://127.0.0.1:" + dockerd.port());
  }

  @Test
  void swarmDownButEngineFineSaysSo() throws Exception {
    int closed = TlsStores.closedPort();
    Host host = UrlDriver.host("dev", stores, dockerd.url(), auth, true, "tcp://0.0.0.0:" + closed);

    assertThatThrownBy(() -> new ConnectionChecker().check(host, true))
        .isInstanceOf(MachineException.class)
        .hasMessage("Connection to Swarm cannot be checked but the certs are valid. Maybe swarm is not started");
  }

  @Test
  void swarmAndEngineBothFailingGivesTheCertificateErrorForTheSwarmPort() throws Exception {
    int closed = TlsStores.closedPort();
    Host host = UrlDriver.host("dev", stores, dockerd.url(), otherCa, true, "tcp://0.0.0.0:" + closed);

    assertThatThrownBy(() -> new ConnectionChecker().check(host, true))
        .hasMessage(
            certError(
                "127.0.0.1:" + closed,
                "dial tcp 127.0.0.1:" + closed + ": connect: connection refused",
                "docker-machine"));
  }
}
