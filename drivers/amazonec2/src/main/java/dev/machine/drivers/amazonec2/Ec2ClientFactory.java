package dev.machine.drivers.amazonec2;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Builds EC2 clients and credential providers; tests substitute their own. */
interface Ec2ClientFactory {
  /** A client for the connection. Costly (~0.5 s): build one only when a call is about to be made. */
  Ec2Client client(Ec2Connection connection);

  /** The credentials the connection would use: static keys, a profile, or the SDK's default chain. */
  AwsCredentialsProvider credentials(Ec2Connection connection);
}
