package dev.machine.drivers.amazonec2;

import dev.machine.core.MachineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * Image names ({@code ubuntu-24-04-x64}, {@code debian-12-arm64}...) and the default image (the
 * newest Ubuntu LTS for the instance type's architecture), resolved with DescribeImages against the
 * publishers listed in {@code images.tsv}, so that no AMI id table can go stale.
 */
final class ImageCatalog {
  private static final String RESOURCE = "images.tsv";
  private static final Pattern UBUNTU_VERSION = Pattern.compile("-(\\d+)\\.(\\d+)-");

  private final List<Distribution> distributions;

  ImageCatalog(List<Distribution> distributions) {
    this.distributions = List.copyOf(distributions);
  }

  /** The catalogue shipped with the driver. */
  static ImageCatalog load() {
    try (InputStream in = ImageCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      List<Distribution> out = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(new Distribution(f[0], Pattern.compile(f[1]), f[2], f[3], f[4], f[5], f[6], f[7]));
      }
      return new ImageCatalog(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A distribution's row in the catalogue. */
  record Distribution(
      String os,
      Pattern version,
      String owner,
      String namePattern,
      String sshUser,
      String x86Name,
      String armName,
      String example) {

    String pattern(String dottedVersion, String arch) {
      return namePattern
          .replace("{version}", dottedVersion)
          .replace("{arch}", Architectures.ARM64.equals(arch) ? armName : x86Name);
    }
  }

  /**
   * What to look for.
   *
   * @param name what the user asked for (or "Ubuntu LTS"), for messages
   * @param ltsOnly keep only Ubuntu LTS releases (even year, .04)
   */
  record Query(String name, String owner, String namePattern, String arch, String sshUser, boolean ltsOnly) {}

  /** The image found. */
  record Resolved(String imageId, String name, String rootDeviceName, String sshUser) {}

  /** Accepted forms, for error messages. */
  String acceptedForms() {
    return distributions.stream()
            .map(d -> d.os() + "-" + versionForm(d) + "[-<arch>] (e.g. " + d.example() + ")")
            .collect(Collectors.joining(", "))
        + "; <arch> is x64 or arm64 (default: the instance type's)";
  }

  private static String versionForm(Distribution d) {
    return d.version().pattern().contains("-") ? "<major>-<minor>" : "<version>";
  }

  /** Parses an image name; fails, listing the accepted forms, when it names no known distribution. */
  Query parse(String imageName, String instanceArch) {
    String lower = imageName.toLowerCase(Locale.ROOT);
    for (Distribution d : distributions) {
      Matcher m =
          Pattern.compile(
                  Pattern.quote(d.os()) + "-(" + d.version().pattern() + ")(?:-(x64|amd64|x86_64|arm64|aarch64))?")
              .matcher(lower);
      if (m.matches()) {
        String arch = m.group(2) == null ? instanceArch : archOf(m.group(2));
        return new Query(imageName, d.owner(), d.pattern(m.group(1).replace('-', '.'), arch), arch, d.sshUser(), false);
      }
    }
    throw new MachineException(
        "Unknown image name \"" + imageName + "\". Accepted forms: " + acceptedForms()
            + ". Use --amazonec2-ami to give an AMI id.");
  }

  /** The newest Ubuntu LTS release for the architecture. */
  Query defaultImage(String arch) {
    Distribution ubuntu =
        distributions.stream().filter(d -> d.os().equals("ubuntu")).findFirst().orElseThrow();
    return new Query("Ubuntu LTS", ubuntu.owner(), ubuntu.pattern("*.04", arch), arch, ubuntu.sshUser(), true);
  }

  private static String archOf(String token) {
    return token.startsWith("arm") || token.startsWith("aarch") ? Architectures.ARM64 : Architectures.X86_64;
  }

  /**
   * The newest available image matching the query that the driver can launch: an EBS root (the
   * block device mapping sets its size and type) and HVM (every current instance type), of the
   * query's architecture. Fails before anything is created when there is none.
   */
  Resolved resolve(Ec2Client ec2, Query query, String region) {
    List<Image> images =
        ec2.describeImages(
                DescribeImagesRequest.builder()
                    .owners(query.owner())
                    .filters(
                        Filter.builder().name("name").values(query.namePattern()).build(),
                        Filter.builder().name("state").values("available").build(),
                        Filter.builder().name("architecture").values(query.arch()).build(),
                        Filter.builder().name("root-device-type").values("ebs").build(),
                        Filter.builder().name("virtualization-type").values("hvm").build())
                    .build())
            .images();
    Image best =
        images.stream()
            // Checked here too, for EC2-compatible APIs that ignore a filter they don't know.
            .filter(i -> i.architectureAsString() == null || query.arch().equals(i.architectureAsString()))
            .filter(i -> !query.ltsOnly() || isUbuntuLts(i.name()))
            .max(newest(query.ltsOnly()))
            .orElseThrow(
                () ->
                    new MachineException(
                        "No image matches \"" + query.name() + "\" in region " + region + " (owner "
                            + query.owner() + ", name " + query.namePattern() + "). Accepted forms: "
                            + acceptedForms() + ". Use --amazonec2-ami to give an AMI id."));
    return new Resolved(best.imageId(), best.name(), best.rootDeviceName(), query.sshUser());
  }

  private static Comparator<Image> newest(boolean byUbuntuVersion) {
    Comparator<Image> byDate =
        Comparator.comparing((Image i) -> nullToEmpty(i.creationDate())).thenComparing(i -> nullToEmpty(i.name()));
    if (!byUbuntuVersion) {
      return byDate;
    }
    return Comparator.comparingInt((Image i) -> ubuntuVersion(i.name())).thenComparing(byDate);
  }

  static boolean isUbuntuLts(String name) {
    int v = ubuntuVersion(name);
    return v > 0 && (v / 100) % 2 == 0 && v % 100 == 4;
  }

  /** {@code 2404} for a name holding {@code -24.04-}, 0 when there is none. */
  private static int ubuntuVersion(String name) {
    Matcher m = UBUNTU_VERSION.matcher(nullToEmpty(name));
    return m.find() ? Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)) : 0;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
