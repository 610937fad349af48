/** A Go text/template engine, for {@code ls --format} and {@code inspect -f}. */
package dev.machine.core.template;
