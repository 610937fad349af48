/** A machine, its options, and its lifecycle (create, start, stop, kill, restart, remove). */
package dev.machine.core.host;
