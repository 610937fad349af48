package dev.machine.core.driver;

/** The value types a create flag may have (Docker Machine's mcnflag types). */
public enum FlagType {
  STRING,
  INT,
  BOOL,
  STRING_LIST
}
