/** Talking to a machine's Docker daemon over TLS: version queries and the connection check. */
package dev.machine.core.docker;
