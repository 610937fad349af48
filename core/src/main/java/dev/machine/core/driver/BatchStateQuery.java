package dev.machine.core.driver;

import java.util.List;
import java.util.Map;

/**
 * An optional capability of a driver: the states of many machines from one provider call. The
 * core groups drivers by {@link #groupKey()} and asks one driver of each group for the whole group.
 */
public interface BatchStateQuery {
  /** Drivers with equal keys (same region, endpoint, credentials...) can be answered by one call. */
  Object groupKey();

  /** The state of each given machine, by machine name; a machine missing from the answer counts as an error. */
  Map<String, State> states(List<Driver> group);
}
