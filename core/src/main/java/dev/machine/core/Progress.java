package dev.machine.core;

/**
 * Where the core reports progress lines a user sees ({@code Creating machine...}). Docker Machine
 * prints these on stdout; commands whose stdout must stay machine-readable ({@code env},
 * {@code config}) send them to stderr instead.
 */
public interface Progress {
  void info(String message);

  void warn(String message);

  /** A progress sink that prefixes every line, as Docker Machine does for a driver's messages: {@code (dev) Launching instance...}. */
  default Progress prefixed(String prefix) {
    Progress outer = this;
    return new Progress() {
      @Override
      public void info(String message) {
        outer.info(prefix + message);
      }

      @Override
      public void warn(String message) {
        outer.warn(prefix + message);
      }
    };
  }

  /** Discards everything. */
  Progress SILENT =
      new Progress() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}
      };
}
