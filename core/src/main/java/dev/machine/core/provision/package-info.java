/** Installing and securing Docker on a host: OS detection and a provisioner per distribution family. */
package dev.machine.core.provision;
