/** The CA, client and server certificates that secure a machine's Docker daemon. */
package dev.machine.core.cert;
