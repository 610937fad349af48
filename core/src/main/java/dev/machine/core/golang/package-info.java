/**
 * Go standard-library text formats reproduced byte for byte ({@code strconv} quoting and float
 * formatting, {@code encoding/json}, {@code time.Duration.String}), for the messages and files that
 * must read exactly as Docker Machine's. A leaf: it depends on no other core package, so every
 * package (and the CLI) may use it.
 */
package dev.machine.core.golang;
