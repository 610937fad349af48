/**
 * The on-disk store, compatible with Docker Machine's both ways, with atomic writes and file locks.
 *
 * <p>Layout: {@code <root>/certs/}, {@code <root>/machines/<name>/config.json} (dirs 0700, files
 * 0600), plus two things Docker Machine ignores: the store lock {@code <root>/.machine.lock} and
 * per-machine locks in {@code <root>/machines/.locks/}. Transient hidden directories
 * ({@code machines/.<name>.creating-*}, {@code .<name>.removing-*}) make creating and removing a
 * machine atomic.
 *
 * <p>Load errors keep Docker Machine's wording where users know it: {@code Docker machine "X"
 * does not exist. ...}, {@code open <path>/config.json: no such file or directory}, and the
 * {@code Error getting migrated host: } prefix for anything wrong inside config.json. After that
 * prefix, JSON syntax errors read {@code invalid JSON (line L, column C): <parser message>}
 * instead of Go's {@code invalid character ...}; empty or truncated files read
 * {@code unexpected end of JSON input}, as in Go.
 */
package dev.machine.core.store;
