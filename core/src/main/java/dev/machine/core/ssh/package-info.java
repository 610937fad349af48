/**
 * SSH to machines.
 *
 * <ul>
 *   <li>{@link dev.machine.core.ssh.SshConnection}: the native client (sshj), one connection for a
 *       whole provisioning run; implements {@link dev.machine.core.ssh.RemoteShell}.
 *   <li>{@link dev.machine.core.ssh.SshWait}: Docker Machine's WaitForSSH, returning the open
 *       connection.
 *   <li>{@link dev.machine.core.ssh.SshTarget}: host, port, user, key ({@code ""} = agent and
 *       default keys) and the machine's pinned known_hosts file.
 *   <li>{@link dev.machine.core.ssh.KnownHosts}: trust-on-first-use host-key pinning in OpenSSH
 *       format, honoured by both clients.
 *   <li>{@link dev.machine.core.ssh.SshKeys}: RSA 2048 key generation (PEM PKCS#1 + authorized_keys).
 *   <li>{@link dev.machine.core.ssh.ExternalSsh}, {@link dev.machine.core.ssh.CopyCommands},
 *       {@link dev.machine.core.ssh.CopyLocation}: Docker Machine's exact argv for {@code ssh},
 *       {@code scp}, {@code rsync}, {@code sshfs} and {@code fusermount}.
 *   <li>{@link dev.machine.core.ssh.InteractiveSsh}: {@code machine ssh} (external or native with a
 *       PTY).
 *   <li>{@link dev.machine.core.ssh.ShellQuote}: POSIX quoting for every value put in a remote
 *       command line.
 * </ul>
 */
package dev.machine.core.ssh;
