package dev.machine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.core.Progress;
import dev.machine.core.driver.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
  private final List<String> warnings = new ArrayList<>();
  private final Progress progress =
      new Progress() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
          warnings.add(message);
        }
      };

  @Test
  void tagsStartWithTheMachineNameThenThePairsThenTheCreatorTag() {
    assertThat(Tags.forMachine("dev", "id1", "team,infra,env,prod", progress))
        .containsExactly(
            Map.entry("Name", "dev"), Map.entry("team", "infra"), Map.entry("env", "prod"),
            Map.entry("docker-machine-id", "id1"));
    assertThat(Tags.forMachine("dev", "id1", "", progress))
        .containsExactly(Map.entry("Name", "dev"), Map.entry("docker-machine-id", "id1"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void anOddTagCountWarnsAndDropsTheLastElement() {
    assertThat(Tags.forMachine("dev", "id1", "a,1,b", progress))
        .containsExactly(Map.entry("Name", "dev"), Map.entry("a", "1"), Map.entry("docker-machine-id", "id1"));
    assertThat(warnings).containsExactly("Tags are not key value in pairs. 3 elements found");
  }

  /** A user may rename the instance, as in Docker Machine, but not take the tag rm finds it by. */
  @Test
  void aUserTagMayReplaceNameButNotTheCreatorTag() {
    assertThat(Tags.forMachine("dev", "id1", "Name,web,docker-machine-id,other", progress))
        .containsExactly(Map.entry("Name", "web"), Map.entry("docker-machine-id", "id1"));
    assertThat(warnings).containsExactly("Tag docker-machine-id is set by the driver; ignoring docker-machine-id=other");
  }

  @Test
  void instanceStatesMapAsDockerMachineDoes() {
    assertThat(InstanceStates.toState("pending", progress)).isEqualTo(State.STARTING);
    assertThat(InstanceStates.toState("running", progress)).isEqualTo(State.RUNNING);
    assertThat(InstanceStates.toState("stopping", progress)).isEqualTo(State.STOPPING);
    assertThat(InstanceStates.toState("shutting-down", progress)).isEqualTo(State.STOPPING);
    assertThat(InstanceStates.toState("stopped", progress)).isEqualTo(State.STOPPED);
    assertThat(InstanceStates.toState("terminated", progress)).isEqualTo(State.ERROR);
    assertThat(warnings).isEmpty();
    assertThat(InstanceStates.toState("exploded", progress)).isEqualTo(State.ERROR);
    assertThat(warnings).containsExactly("unrecognized instance state: exploded");
  }

  @Test
  void gravitonInstanceTypesAreArm64() {
    for (String type : List.of("t4g.micro", "m6g.large", "m6gd.xlarge", "c6gn.large", "c7g.medium", "r8g.large",
        "x2gd.large", "im4gn.large", "is4gen.large", "g5g.xlarge", "a1.medium", "hpc7g.4xlarge")) {
      assertThat(Architectures.ofInstanceType(type)).as(type).isEqualTo("arm64");
    }
    for (String type : List.of("t2.micro", "t3.large", "m6i.large", "c5n.large", "g4dn.xlarge", "g5.xlarge",
        "p5.48xlarge", "inf2.xlarge", "m7a.large", "r6id.large")) {
      assertThat(Architectures.ofInstanceType(type)).as(type).isEqualTo("x86_64");
    }
  }

  @Test
  void aBareEndpointGetsHttpsOrHttpWhenInsecure() {
    Ec2Connection secure = new Ec2Connection("us-east-1", "ec2.example.com", false, "", "", "", "", 5);
    Ec2Connection insecure = new Ec2Connection("us-east-1", "ec2.example.com:8080", true, "", "", "", "", 5);
    Ec2Connection full = new Ec2Connection("us-east-1", "http://127.0.0.1:5000", false, "", "", "", "", 5);
    assertThat(secure.endpointUri()).hasToString("https://ec2.example.com");
    assertThat(insecure.endpointUri()).hasToString("http://ec2.example.com:8080");
    assertThat(full.endpointUri()).hasToString("http://127.0.0.1:5000");
  }

  @Test
  void machinesOfTheSameAccountAndRegionShareABatchGroupAndTheSecretIsNotInTheKey() {
    Ec2Connection a = new Ec2Connection("us-east-1", "", false, "AKIA1", "s3cr3t", "", "", 5);
    Ec2Connection b = new Ec2Connection("us-east-1", "", false, "AKIA1", "s3cr3t", "", "", 3);
    Ec2Connection otherRegion = new Ec2Connection("eu-west-1", "", false, "AKIA1", "s3cr3t", "", "", 5);
    Ec2Connection otherAccount = new Ec2Connection("us-east-1", "", false, "AKIA2", "x", "", "", 5);
    assertThat(a.groupKey()).isEqualTo(b.groupKey());
    assertThat(a.groupKey()).isNotEqualTo(otherRegion.groupKey()).isNotEqualTo(otherAccount.groupKey());
    assertThat(a.groupKey().toString()).doesNotContain("s3cr3t");
    assertThat(a.toString()).doesNotContain("s3cr3t").doesNotContain("AKIA1");
  }
}
