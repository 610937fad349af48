package dev.machine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.internal.ProfileCredentialsUtils;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.StringInputStream;

/**
 * Profiles that assume a role or sign in with SSO need the SDK's sts, sso and ssooidc modules,
 * which it loads by reflection ("To use assumed roles in the 'x' profile, the 'sts' service module
 * must be on the class path"). The credentials provider is built as the SDK's
 * ProfileCredentialsProvider builds it on its first use, but never asked for credentials: no call
 * leaves the JVM.
 */
class ProfileCredentialsTest {
  private static Optional<AwsCredentialsProvider> providerOf(String config, String profileName) {
    ProfileFile file =
        ProfileFile.builder().content(new StringInputStream(config)).type(ProfileFile.Type.CONFIGURATION).build();
    Profile profile = file.profile(profileName).orElseThrow();
    return new ProfileCredentialsUtils(file, profile, file::profile).credentialsProvider();
  }

  @Test
  void aProfileThatAssumesARoleGetsAnStsProvider() throws Exception {
    String config =
        "[profile base]\n"
            + "aws_access_key_id = AKIAEXAMPLE\n"
            + "aws_secret_access_key = secret\n"
            + "[profile dev]\n"
            + "role_arn = arn:aws:iam::123456789012:role/machine\n"
            + "source_profile = base\n"
            + "region = us-east-1\n";
    AwsCredentialsProvider provider = providerOf(config, "dev").orElseThrow();
    assertThat(provider.getClass().getName()).contains(".sts.");
    ((AutoCloseable) provider).close();
  }

  @Test
  void anSsoProfileGetsAnSsoProvider() throws Exception {
    String config =
        "[profile dev]\n"
            + "sso_session = work\n"
            + "sso_account_id = 123456789012\n"
            + "sso_role_name = machine\n"
            + "region = us-east-1\n"
            + "[sso-session work]\n"
            + "sso_start_url = https://example.awsapps.com/start\n"
            + "sso_region = us-east-1\n";
    AwsCredentialsProvider provider = providerOf(config, "dev").orElseThrow();
    assertThat(provider.getClass().getName()).contains(".sso.");
    ((AutoCloseable) provider).close();
  }
}
