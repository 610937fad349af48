/** SSH to machines: the native client (sshj), keys, host-key pinning, and the external ssh command. */
package dev.machine.core.ssh;
