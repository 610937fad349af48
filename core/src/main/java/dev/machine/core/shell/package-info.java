/** Rendering {@code env} output for each shell. */
package dev.machine.core.shell;
