package dev.machine.drivers.amazonec2;

import dev.machine.core.Progress;
import dev.machine.core.driver.BatchStateQuery;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The states of many amazonec2 machines of one account, region and endpoint from a single
 * DescribeInstances call (per 200 machines). A filter on {@code instance-id} is used rather than
 * the InstanceIds parameter, which fails the whole call when one instance is gone. Each driver
 * keeps the description it was given, so its URL and IP need no further call right after.
 */
final class Ec2BatchStateQuery implements BatchStateQuery {
  /** EC2 accepts up to 200 values in one filter. */
  static final int MAX_FILTER_VALUES = 200;

  private final AmazonEc2Driver asker;

  Ec2BatchStateQuery(AmazonEc2Driver asker) {
    this.asker = asker;
  }

  @Override
  public Object groupKey() {
    return asker.connection().groupKey();
  }

  @Override
  public Map<String, State> states(List<Driver> group) {
    Map<String, AmazonEc2Driver> byInstance = new HashMap<>();
    Map<String, State> states = new HashMap<>();
    for (Driver d : group) {
      if (d instanceof AmazonEc2Driver ec2 && !ec2.instanceId().isEmpty()) {
        byInstance.put(ec2.instanceId(), ec2);
      }
    }
    List<String> ids = new ArrayList<>(byInstance.keySet());
    for (int from = 0; from < ids.size(); from += MAX_FILTER_VALUES) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_FILTER_VALUES));
      asker.ec2()
          .describeInstancesPaginator(b -> b.filters(Filter.builder().name("instance-id").values(chunk).build()))
          .reservations()
          .forEach(
              r -> {
                for (Instance i : r.instances()) {
                  AmazonEc2Driver d = byInstance.remove(i.instanceId());
                  if (d != null) {
                    d.remember(i);
                    states.put(
                        d.machineName(),
                        InstanceStates.toState(i.state() == null ? "" : i.state().nameAsString(), Progress.SILENT));
                  }
                }
              });
    }
    byInstance.values().forEach(d -> states.put(d.machineName(), State.NOT_FOUND));
    return states;
  }
}
