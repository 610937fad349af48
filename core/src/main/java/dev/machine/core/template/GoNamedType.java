package dev.machine.core.template;

/**
 * A Java value that stands for a Go struct names its Go type, so that template errors read as
 * Go's: {@code can't evaluate field Nope in type commands.HostListItem}.
 */
public interface GoNamedType {
  /** The Go type's qualified name, e.g. {@code commands.HostListItem}. */
  String goTypeName();
}
