package dev.machine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import dev.machine.core.MachineException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.MockMakers;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;

class ImageCatalogTest {
  private final ImageCatalog catalog = ImageCatalog.load();

  @Test
  void ubuntuNamesBecomeCanonicalNamePatterns() {
    ImageCatalog.Query q = catalog.parse("ubuntu-14-04-x64", "x86_64");
    assertThat(q.owner()).isEqualTo("099720109477");
    assertThat(q.namePattern()).isEqualTo("ubuntu/images/*ubuntu-*-14.04-amd64-server-*");
    assertThat(q.sshUser()).isEqualTo("ubuntu");
    assertThat(catalog.parse("ubuntu-24-04-arm64", "x86_64").namePattern())
        .isEqualTo("ubuntu/images/*ubuntu-*-24.04-arm64-server-*");
  }

  @Test
  void withoutAnArchitectureTheInstanceTypesIsUsed() {
    assertThat(catalog.parse("ubuntu-22-04", "arm64").namePattern())
        .isEqualTo("ubuntu/images/*ubuntu-*-22.04-arm64-server-*");
  }

  @Test
  void debianAndOthersHaveTheirPublishers() {
    ImageCatalog.Query debian = catalog.parse("debian-12-x64", "x86_64");
    assertThat(debian.owner()).isEqualTo("136693071363");
    assertThat(debian.namePattern()).isEqualTo("debian-12-amd64-*");
    assertThat(debian.sshUser()).isEqualTo("admin");
    assertThat(catalog.parse("amazonlinux-2023-arm64", "x86_64").namePattern())
        .isEqualTo("al2023-ami-2023.*-kernel-*-arm64");
  }

  @Test
  void anUnknownNameListsTheAcceptedForms() {
    for (String bad : new String[] {"windows-2019", "ubuntu-22", "ubuntu-22-04-sparc", "debian", ""}) {
      assertThatThrownBy(() -> catalog.parse(bad, "x86_64"))
          .as(bad)
          .isInstanceOf(MachineException.class)
          .hasMessageContaining("Unknown image name \"" + bad + "\"")
          .hasMessageContaining("ubuntu-<major>-<minor>[-<arch>] (e.g. ubuntu-24-04-x64)")
          .hasMessageContaining("debian-<version>[-<arch>] (e.g. debian-12-x64)")
          .hasMessageContaining("--amazonec2-ami");
    }
  }

  @Test
  void theNewestMatchingImageWins() {
    Ec2Client ec2 = images(
        image("ami-old", "debian-12-amd64-20240101-1", "2024-01-01T00:00:00.000Z"),
        image("ami-new", "debian-12-amd64-20250601-1", "2025-06-01T00:00:00.000Z"),
        image("ami-mid", "debian-12-amd64-20241001-1", "2024-10-01T00:00:00.000Z"));
    ImageCatalog.Resolved r = catalog.resolve(ec2, catalog.parse("debian-12-x64", "x86_64"), "us-east-1");
    assertThat(r.imageId()).isEqualTo("ami-new");
    ArgumentCaptor<DescribeImagesRequest> request = ArgumentCaptor.forClass(DescribeImagesRequest.class);
    verify(ec2).describeImages(request.capture());
    assertThat(request.getValue().owners()).containsExactly("136693071363");
    assertThat(request.getValue().filters().get(0).values()).containsExactly("debian-12-amd64-*");
  }

  /** Only images the driver can launch: EBS root, HVM, the instance type's architecture. */
  @Test
  void onlyAvailableEbsHvmImagesOfTheArchitectureAreAskedFor() {
    Ec2Client ec2 = images(
        image("ami-1", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-1", "2025").toBuilder()
            .architecture("arm64").build());
    assertThat(catalog.resolve(ec2, catalog.parse("ubuntu-22-04", "arm64"), "us-east-1").imageId()).isEqualTo("ami-1");
    ArgumentCaptor<DescribeImagesRequest> request = ArgumentCaptor.forClass(DescribeImagesRequest.class);
    verify(ec2).describeImages(request.capture());
    assertThat(request.getValue().filters())
        .extracting(f -> f.name() + "=" + String.join("|", f.values()))
        .containsExactly(
            "name=ubuntu/images/*ubuntu-*-22.04-arm64-server-*",
            "state=available",
            "architecture=arm64",
            "root-device-type=ebs",
            "virtualization-type=hvm");
  }

  @Test
  void theDefaultIsTheNewestUbuntuLtsNotTheNewestUbuntu() {
    Ec2Client ec2 = images(
        image("ami-2204", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250101", "2025-01-01T00:00:00.000Z"),
        image("ami-2404", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240601", "2024-06-01T00:00:00.000Z"),
        image("ami-2410", "ubuntu/images/hvm-ssd-gp3/ubuntu-oracular-24.10-amd64-server-20250301", "2025-03-01T00:00:00.000Z"),
        image("ami-2504", "ubuntu/images/hvm-ssd-gp3/ubuntu-plucky-25.04-amd64-server-20250501", "2025-05-01T00:00:00.000Z"));
    ImageCatalog.Query q = catalog.defaultImage("x86_64");
    assertThat(q.namePattern()).isEqualTo("ubuntu/images/*ubuntu-*-*.04-amd64-server-*");
    assertThat(catalog.resolve(ec2, q, "us-east-1").imageId()).isEqualTo("ami-2404");
  }

  @Test
  void noMatchFailsWithTheQueryAndTheAcceptedForms() {
    Ec2Client ec2 = images();
    assertThatThrownBy(() -> catalog.resolve(ec2, catalog.parse("ubuntu-13-04-x64", "x86_64"), "eu-west-1"))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith("No image matches \"ubuntu-13-04-x64\" in region eu-west-1 (owner 099720109477,"
            + " name ubuntu/images/*ubuntu-*-13.04-amd64-server-*)")
        .hasMessageContaining("Accepted forms:");
  }

  private static Image image(String id, String name, String created) {
    return Image.builder().imageId(id).name(name).creationDate(created).architecture("x86_64").rootDeviceName("/dev/xvda").build();
  }

  static Ec2Client images(Image... images) {
    Ec2Client ec2 = mock(Ec2Client.class, withSettings().mockMaker(MockMakers.SUBCLASS).defaultAnswer(CALLS_REAL_METHODS));
    doReturn(DescribeImagesResponse.builder().images(images).build()).when(ec2).describeImages(any(DescribeImagesRequest.class));
    return ec2;
  }
}
