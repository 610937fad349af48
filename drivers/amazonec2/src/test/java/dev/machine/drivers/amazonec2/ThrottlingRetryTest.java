package dev.machine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The real SDK client with the driver's retry settings, over an HTTP client that answers with
 * EC2's throttling error: requests are retried with backoff, at most {@code --amazonec2-retries} times.
 */
class ThrottlingRetryTest {
  private static final String THROTTLED =
      "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message>"
          + "</Error></Errors><RequestID>r1</RequestID></Response>";
  private static final String KEY_PAIRS =
      "<DescribeKeyPairsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r2</requestId>"
          + "<keySet><item><keyName>dev</keyName></item></keySet></DescribeKeyPairsResponse>";

  private final List<Duration> delays = new ArrayList<>();
  private int requests;

  private Ec2Client client(int retries, int throttledAnswers) throws Exception {
    SdkHttpClient http = mock(SdkHttpClient.class);
    when(http.prepareRequest(any(HttpExecuteRequest.class)))
        .thenAnswer(
            invocation -> {
              ExecutableHttpRequest call = mock(ExecutableHttpRequest.class);
              when(call.call())
                  .thenAnswer(
                      i -> {
                        requests++;
                        boolean throttle = requests <= throttledAnswers;
                        return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(throttle ? 503 : 200).build())
                            .responseBody(
                                AbortableInputStream.create(
                                    new ByteArrayInputStream(
                                        (throttle ? THROTTLED : KEY_PAIRS).getBytes(StandardCharsets.UTF_8))))
                            .build();
                      });
              return call;
            });
    BackoffStrategy recordingBackoff =
        attempt -> {
          Duration d = Duration.ofMillis(attempt);
          delays.add(d);
          return d;
        };
    Ec2Connection connection = new Ec2Connection("us-east-1", "http://127.0.0.1:9", false, "a", "b", "", "", retries);
    return new SdkEc2ClientFactory(List.of(), http, recordingBackoff).client(connection);
  }

  @Test
  void throttledRequestsAreRetriedWithBackoffUntilTheySucceed() throws Exception {
    try (Ec2Client ec2 = client(5, 3)) {
      assertThat(ec2.describeKeyPairs().keyPairs()).hasSize(1);
    }
    assertThat(requests).isEqualTo(4);
    assertThat(delays).hasSize(3);
  }

  @Test
  void retriesStopAtTheConfiguredCount() throws Exception {
    try (Ec2Client ec2 = client(2, 10)) {
      assertThatThrownBy(ec2::describeKeyPairs)
          .isInstanceOfSatisfying(
              AwsServiceException.class,
              e -> assertThat(AwsErrors.describe(e)).isEqualTo("RequestLimitExceeded: Request limit exceeded."));
    }
    assertThat(requests).isEqualTo(3);
  }

  @Test
  void minusOneDisablesRetries() throws Exception {
    try (Ec2Client ec2 = client(-1, 10)) {
      assertThatThrownBy(ec2::describeKeyPairs).isInstanceOf(AwsServiceException.class);
    }
    assertThat(requests).isEqualTo(1);
    assertThat(delays).isEmpty();
  }
}
