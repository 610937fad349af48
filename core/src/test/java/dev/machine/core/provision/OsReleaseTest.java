package dev.machine.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OsReleaseTest {
  @Test
  void parsesQuotedAndBareValues() {
    OsRelease os = OsReleaseSamples.parsed("rocky-9");
    assertThat(os.id()).isEqualTo("rocky");
    assertThat(os.idLike()).containsExactly("rhel", "centos", "fedora");
    assertThat(os.name()).isEqualTo("Rocky Linux");
    assertThat(os.versionId()).isEqualTo("9.3");
    assertThat(os.prettyName()).isEqualTo("Rocky Linux 9.3 (Blue Onyx)");

    OsRelease debian = OsReleaseSamples.parsed("debian-12");
    assertThat(debian.id()).isEqualTo("debian");
    assertThat(debian.idLike()).isEmpty();
    assertThat(debian.version()).isEqualTo("12 (bookworm)");
  }

  @Test
  void skipsLinesThatAreNotKeyEqualsValue() {
    OsRelease os =
        OsRelease.parse(
            "ID=ubuntu\n"
                + "garbage line without equals\n"
                + "\n"
                + "# a comment\n"
                + "BROKEN=a=b\n"
                + "=novalue\n"
                + "VERSION_ID=\"20.04\"\r\n"
                + "VARIANT_ID=server\n");
    assertThat(os.id()).isEqualTo("ubuntu");
    assertThat(os.versionId()).isEqualTo("20.04");
    assertThat(os.variantId()).isEqualTo("server");
  }

  @Test
  void emptyContentGivesEmptyFields() {
    OsRelease os = OsRelease.parse("");
    assertThat(os.id()).isEmpty();
    assertThat(os.idLike()).isEmpty();
    assertThat(os.displayName()).isEqualTo("unknown OS");
  }

  @Test
  void emptyQuotedValueIsEmpty() {
    assertThat(OsRelease.parse("ID=\"\"\nVERSION_CODENAME=\"\"").id()).isEmpty();
    assertThat(OsRelease.parse("ID=arch\nID_LIKE=").idLike()).isEmpty();
  }

  @Test
  void comparesVersions() {
    assertThat(OsRelease.parse("VERSION_ID=\"15.04\"").compareVersion(15, 4)).isZero();
    assertThat(OsRelease.parse("VERSION_ID=\"14.10\"").compareVersion(15, 4)).isNegative();
    assertThat(OsRelease.parse("VERSION_ID=\"22.04\"").compareVersion(15, 4)).isPositive();
    assertThat(OsRelease.parse("VERSION_ID=2023").compareVersion(2022, 0)).isPositive();
    assertThat(OsRelease.parse("VERSION_ID=v1.5.8").versionNumbers()).isEmpty();
    assertThat(OsRelease.parse("").versionNumbers()).isEmpty();
  }

  @Test
  void isLikeMatchesIdAndIdLike() {
    OsRelease os = OsReleaseSamples.parsed("opensuse-leap-15.5");
    assertThat(os.isLike("suse")).isTrue();
    assertThat(os.isLike("opensuse-leap")).isTrue();
    assertThat(os.isLike("debian")).isFalse();
    assertThat(os.idLike()).isEqualTo(List.of("suse", "opensuse"));
  }
}
