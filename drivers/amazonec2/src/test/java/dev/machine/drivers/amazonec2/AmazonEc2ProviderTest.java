package dev.machine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.core.driver.CreateFlag;
import dev.machine.core.driver.DriverProvider;
import dev.machine.core.driver.DriverRegistry;
import dev.machine.core.driver.FlagType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AmazonEc2ProviderTest {
  private final Map<String, CreateFlag> flags =
      new AmazonEc2Provider().createFlags().stream().collect(Collectors.toMap(CreateFlag::name, Function.identity()));

  @Test
  void isFoundThroughServiceLoader() {
    DriverProvider p = DriverRegistry.discover(getClass().getClassLoader()).require("amazonec2");
    assertThat(p).isInstanceOf(AmazonEc2Provider.class);
  }

  @Test
  void hasDockerMachineFlagsWithTheirDefaultsAndEnvironmentVariables() {
    assertThat(flags.get("amazonec2-region").defaultValue()).isEqualTo("us-east-1");
    assertThat(flags.get("amazonec2-region").envVar()).isEqualTo("AWS_DEFAULT_REGION");
    assertThat(flags.get("amazonec2-zone").defaultValue()).isEqualTo("a");
    assertThat(flags.get("amazonec2-instance-type").defaultValue()).isEqualTo("t2.micro");
    assertThat(flags.get("amazonec2-root-size").type()).isEqualTo(FlagType.INT);
    assertThat(flags.get("amazonec2-root-size").defaultValue()).isEqualTo(16);
    assertThat(flags.get("amazonec2-security-group").defaultValue()).isEqualTo(List.of("docker-machine"));
    assertThat(flags.get("amazonec2-retries").defaultValue()).isEqualTo(5);
    assertThat(flags.get("amazonec2-spot-price").defaultValue()).isEqualTo("0.50");
    assertThat(flags.get("amazonec2-ssh-user").defaultValue()).isEqualTo("ubuntu");
    assertThat(flags.get("amazonec2-access-key").envVar()).isEqualTo("AWS_ACCESS_KEY_ID");
    assertThat(flags.get("amazonec2-open-port").type()).isEqualTo(FlagType.STRING_LIST);
    assertThat(flags.get("amazonec2-insecure-transport").type()).isEqualTo(FlagType.BOOL);
    assertThat(flags).hasSize(38);
  }

  @Test
  void defaultsToImdsV2AndKnowsImageNamesAndProfiles() {
    assertThat(flags.get("amazonec2-http-tokens").defaultValue()).isEqualTo("required");
    assertThat(flags.get("amazonec2-http-endpoint").defaultValue()).isEqualTo("enabled");
    assertThat(flags.get("amazonec2-image").envVar()).isEqualTo("AWS_IMAGE");
    assertThat(flags.get("amazonec2-profile").envVar()).isEqualTo("AWS_PROFILE");
    assertThat(flags.get("amazonec2-encrypt-ebs-volume").type()).isEqualTo(FlagType.BOOL);
    assertThat(flags.get("amazonec2-kms-key").type()).isEqualTo(FlagType.STRING);
  }
}
