package dev.machine.drivers.amazonec2;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Short texts for AWS failures ({@code Code: message}), and tests on their codes. */
final class AwsErrors {
  private AwsErrors() {}

  static String describe(Throwable e) {
    if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
      String code = ase.awsErrorDetails().errorCode();
      String message = ase.awsErrorDetails().errorMessage();
      if (code != null && !code.isEmpty()) {
        return code + ": " + (message == null ? "" : message);
      }
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** {@link #describe} for an AWS failure, the plain message of any other. */
  static String message(Throwable e) {
    return e instanceof SdkException ? describe(e) : String.valueOf(e.getMessage());
  }

  static String code(Throwable e) {
    if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
      String code = ase.awsErrorDetails().errorCode();
      return code == null ? "" : code;
    }
    return "";
  }

  /** {@code InvalidInstanceID.NotFound}, {@code InvalidKeyPair.NotFound}, {@code InvalidGroup.NotFound}... */
  static boolean isNotFound(Throwable e) {
    return code(e).endsWith(".NotFound");
  }

  /** The AWS error that made a wait give up (its last retried failure), or the wait's own message. */
  static String lastError(RuntimeException exhausted) {
    return describe(exhausted.getCause() == null ? exhausted : exhausted.getCause());
  }
}
