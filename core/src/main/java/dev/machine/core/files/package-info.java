/**
 * Crash-safe file writes with exact modes, shared by the store, the certificates and the machine
 * directories. A leaf: it depends on no other core package.
 */
package dev.machine.core.files;
