package dev.machine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machine.core.Progress;
import dev.machine.core.driver.Driver;
import dev.machine.core.driver.DriverContext;
import dev.machine.core.driver.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.MockMakers;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/** The batch answers with one DescribeInstances per 200 machines; machines EC2 no longer knows are Not Found. */
class Ec2BatchStateQueryTest {
  private final List<DescribeInstancesRequest> requests = new ArrayList<>();
  private final Ec2Client ec2 =
      mock(Ec2Client.class, withSettings().mockMaker(MockMakers.SUBCLASS).defaultAnswer(CALLS_REAL_METHODS));
  private final Ec2ClientFactory factory =
      new Ec2ClientFactory() {
        @Override
        public Ec2Client client(Ec2Connection connection) {
          return ec2;
        }

        @Override
        public AwsCredentialsProvider credentials(Ec2Connection connection) {
          throw new AssertionError("not needed");
        }
      };

  private AmazonEc2Driver machine(int n) {
    AmazonEc2Driver d =
        new AmazonEc2Driver(
            new DriverContext("m" + n, Path.of("/nonexistent"), Progress.SILENT), new Ec2Environment(Map.of(), factory, x -> {}));
    ObjectNode json = d.writeConfig();
    json.put("InstanceId", "i-" + n);
    d.readConfig(json);
    return d;
  }

  @Test
  void twoHundredFiftyMachinesTakeTwoCallsAndTheGoneOnesAreNotFound() {
    doAnswer(
            invocation -> {
              DescribeInstancesRequest r = invocation.getArgument(0);
              requests.add(r);
              List<Instance> found = new ArrayList<>();
              for (String id : r.filters().get(0).values()) {
                if (!id.equals("i-7")) { // i-7 was terminated long ago
                  found.add(Instance.builder().instanceId(id).state(s -> s.name(id.equals("i-3") ? "stopped" : "running"))
                      .publicIpAddress("54.0.0." + id.substring(2)).build());
                }
              }
              return DescribeInstancesResponse.builder().reservations(Reservation.builder().instances(found).build()).build();
            })
        .when(ec2)
        .describeInstances(any(DescribeInstancesRequest.class));
    List<Driver> group = new ArrayList<>();
    for (int n = 0; n < 250; n++) {
      group.add(machine(n));
    }
    Map<String, State> states = group.get(0).batchStateQuery().orElseThrow().states(group);

    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).filters().get(0).name()).isEqualTo("instance-id");
    assertThat(requests.get(0).instanceIds()).isEmpty();
    assertThat(states).hasSize(250);
    assertThat(states.get("m0")).isEqualTo(State.RUNNING);
    assertThat(states.get("m3")).isEqualTo(State.STOPPED);
    assertThat(states.get("m7")).isEqualTo(State.NOT_FOUND);
    // The URL right after comes from the same answer: no third call.
    assertThat(group.get(5).url()).isEqualTo("tcp://54.0.0.5:2376");
    assertThat(requests).hasSize(2);
  }
}
