/** The on-disk store, compatible with Docker Machine's, with atomic writes and file locks. */
package dev.machine.core.store;
