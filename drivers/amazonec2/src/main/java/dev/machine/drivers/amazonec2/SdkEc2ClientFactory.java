package dev.machine.drivers.amazonec2;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;

/**
 * EC2 clients on the light url-connection HTTP client, with region, credentials and retries always
 * set explicitly (otherwise the SDK would pick another HTTP client and probe instance metadata).
 * Throttling and server errors are retried with exponential backoff and jitter, up to
 * {@code --amazonec2-retries} times.
 */
final class SdkEc2ClientFactory implements Ec2ClientFactory {
  private final List<ExecutionInterceptor> interceptors;
  private final SdkHttpClient httpClient;
  private final BackoffStrategy backoff;

  /** The production factory. */
  SdkEc2ClientFactory() {
    this(List.of(), null, null);
  }

  /**
   * @param interceptors added to every client (tests count calls with one)
   * @param httpClient null for url-connection
   * @param backoff null for the SDK's standard backoff
   */
  SdkEc2ClientFactory(List<ExecutionInterceptor> interceptors, SdkHttpClient httpClient, BackoffStrategy backoff) {
    this.interceptors = List.copyOf(interceptors);
    this.httpClient = httpClient;
    this.backoff = backoff;
  }

  @Override
  public Ec2Client client(Ec2Connection connection) {
    Ec2ClientBuilder builder =
        Ec2Client.builder()
            .httpClient(
                httpClient != null
                    ? httpClient
                    : UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
            .region(Region.of(connection.region()))
            .credentialsProvider(credentials(connection))
            .overrideConfiguration(
                o -> {
                  o.retryStrategy(retryStrategy(connection.retries()));
                  interceptors.forEach(o::addExecutionInterceptor);
                });
    if (connection.hasEndpoint()) {
      builder.endpointOverride(connection.endpointUri());
    }
    return builder.build();
  }

  private StandardRetryStrategy retryStrategy(int retries) {
    StandardRetryStrategy.Builder b =
        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(Math.max(1, retries + 1));
    if (backoff != null) {
      b.backoffStrategy(backoff).throttlingBackoffStrategy(backoff);
    }
    // Many machines created in parallel share the account's request budget: don't let the
    // client-side token bucket give up before the configured number of retries.
    b.circuitBreakerEnabled(false);
    return b.build();
  }

  @Override
  public AwsCredentialsProvider credentials(Ec2Connection connection) {
    if (connection.hasStaticKeys()) {
      return StaticCredentialsProvider.create(
          connection.sessionToken().isEmpty()
              ? AwsBasicCredentials.create(connection.accessKey(), connection.secretKey())
              : AwsSessionCredentials.create(
                  connection.accessKey(), connection.secretKey(), connection.sessionToken()));
    }
    if (!connection.profile().isEmpty()) {
      return ProfileCredentialsProvider.builder().profileName(connection.profile()).build();
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
