package dev.machine.drivers.amazonec2;

import dev.machine.core.driver.CreateFlag;
import java.util.List;

/** The amazonec2 create flags: Docker Machine 0.16's, rancher's metadata and EBS additions, and image names. */
final class Ec2Flags {
  static final String ACCESS_KEY = "amazonec2-access-key";
  static final String SECRET_KEY = "amazonec2-secret-key";
  static final String SESSION_TOKEN = "amazonec2-session-token";
  static final String PROFILE = "amazonec2-profile";
  static final String AMI = "amazonec2-ami";
  static final String IMAGE = "amazonec2-image";
  static final String REGION = "amazonec2-region";
  static final String VPC_ID = "amazonec2-vpc-id";
  static final String ZONE = "amazonec2-zone";
  static final String SUBNET_ID = "amazonec2-subnet-id";
  static final String SECURITY_GROUP_READONLY = "amazonec2-security-group-readonly";
  static final String SECURITY_GROUP = "amazonec2-security-group";
  static final String OPEN_PORT = "amazonec2-open-port";
  static final String TAGS = "amazonec2-tags";
  static final String INSTANCE_TYPE = "amazonec2-instance-type";
  static final String DEVICE_NAME = "amazonec2-device-name";
  static final String ROOT_SIZE = "amazonec2-root-size";
  static final String VOLUME_TYPE = "amazonec2-volume-type";
  static final String ENCRYPT_EBS_VOLUME = "amazonec2-encrypt-ebs-volume";
  static final String KMS_KEY = "amazonec2-kms-key";
  static final String IAM_INSTANCE_PROFILE = "amazonec2-iam-instance-profile";
  static final String SSH_PORT = "amazonec2-ssh-port";
  static final String SSH_USER = "amazonec2-ssh-user";
  static final String REQUEST_SPOT_INSTANCE = "amazonec2-request-spot-instance";
  static final String SPOT_PRICE = "amazonec2-spot-price";
  static final String BLOCK_DURATION_MINUTES = "amazonec2-block-duration-minutes";
  static final String PRIVATE_ADDRESS_ONLY = "amazonec2-private-address-only";
  static final String USE_PRIVATE_ADDRESS = "amazonec2-use-private-address";
  static final String MONITORING = "amazonec2-monitoring";
  static final String USE_EBS_OPTIMIZED_INSTANCE = "amazonec2-use-ebs-optimized-instance";
  static final String SSH_KEYPATH = "amazonec2-ssh-keypath";
  static final String KEYPAIR_NAME = "amazonec2-keypair-name";
  static final String RETRIES = "amazonec2-retries";
  static final String ENDPOINT = "amazonec2-endpoint";
  static final String INSECURE_TRANSPORT = "amazonec2-insecure-transport";
  static final String USERDATA = "amazonec2-userdata";
  static final String HTTP_ENDPOINT = "amazonec2-http-endpoint";
  static final String HTTP_TOKENS = "amazonec2-http-tokens";

  static final String DEFAULT_REGION = "us-east-1";
  static final String DEFAULT_ZONE = "a";
  static final String DEFAULT_SECURITY_GROUP = "docker-machine";
  static final String DEFAULT_INSTANCE_TYPE = "t2.micro";
  static final String DEFAULT_DEVICE_NAME = "/dev/sda1";
  static final int DEFAULT_ROOT_SIZE = 16;
  static final String DEFAULT_VOLUME_TYPE = "gp2";
  static final String DEFAULT_SSH_USER = "ubuntu";
  static final String DEFAULT_SPOT_PRICE = "0.50";
  static final int DEFAULT_RETRIES = 5;
  static final String DEFAULT_HTTP_ENDPOINT = "enabled";
  static final String DEFAULT_HTTP_TOKENS = "required";

  static final List<CreateFlag> ALL =
      List.of(
          CreateFlag.string(ACCESS_KEY, "", "AWS_ACCESS_KEY_ID", "AWS Access Key"),
          CreateFlag.string(SECRET_KEY, "", "AWS_SECRET_ACCESS_KEY", "AWS Secret Key"),
          CreateFlag.string(SESSION_TOKEN, "", "AWS_SESSION_TOKEN", "AWS Session Token"),
          CreateFlag.string(
              PROFILE, "", "AWS_PROFILE", "AWS shared credentials profile (~/.aws/credentials, ~/.aws/config)"),
          CreateFlag.string(AMI, "", "AWS_AMI", "AWS machine image"),
          CreateFlag.string(
              IMAGE,
              "",
              "AWS_IMAGE",
              "AWS machine image by name, e.g. ubuntu-24-04-x64, ubuntu-24-04-arm64, debian-12-x64 (newest official image)"),
          CreateFlag.string(REGION, DEFAULT_REGION, "AWS_DEFAULT_REGION", "AWS region"),
          CreateFlag.string(VPC_ID, "", "AWS_VPC_ID", "AWS VPC id"),
          CreateFlag.string(ZONE, DEFAULT_ZONE, "AWS_ZONE", "AWS zone for instance (i.e. a,b,c,d,e)"),
          CreateFlag.string(SUBNET_ID, "", "AWS_SUBNET_ID", "AWS VPC subnet id"),
          CreateFlag.bool(
              SECURITY_GROUP_READONLY, "AWS_SECURITY_GROUP_READONLY", "Skip adding default rules to security groups"),
          CreateFlag.stringList(
              SECURITY_GROUP, List.of(DEFAULT_SECURITY_GROUP), "AWS_SECURITY_GROUP", "AWS VPC security group"),
          CreateFlag.stringList(
              OPEN_PORT, List.of(), "", "Make the specified port number accessible from the Internet"),
          CreateFlag.string(TAGS, "", "AWS_TAGS", "AWS Tags (e.g. key1,value1,key2,value2)"),
          CreateFlag.string(INSTANCE_TYPE, DEFAULT_INSTANCE_TYPE, "AWS_INSTANCE_TYPE", "AWS instance type"),
          CreateFlag.string(DEVICE_NAME, DEFAULT_DEVICE_NAME, "AWS_DEVICE_NAME", "AWS root device name"),
          CreateFlag.integer(ROOT_SIZE, DEFAULT_ROOT_SIZE, "AWS_ROOT_SIZE", "AWS root disk size (in GB)"),
          CreateFlag.string(VOLUME_TYPE, DEFAULT_VOLUME_TYPE, "AWS_VOLUME_TYPE", "Amazon EBS volume type"),
          CreateFlag.bool(ENCRYPT_EBS_VOLUME, "", "Encrypt the EBS volume using the AWS Managed CMK"),
          CreateFlag.string(KMS_KEY, "", "", "Custom KMS key using the AWS Managed CMK"),
          CreateFlag.string(IAM_INSTANCE_PROFILE, "", "AWS_INSTANCE_PROFILE", "AWS IAM Instance Profile"),
          CreateFlag.integer(SSH_PORT, 22, "AWS_SSH_PORT", "SSH port"),
          CreateFlag.string(SSH_USER, DEFAULT_SSH_USER, "AWS_SSH_USER", "Set the name of the ssh user"),
          CreateFlag.bool(REQUEST_SPOT_INSTANCE, "", "Set this flag to request spot instance"),
          CreateFlag.string(SPOT_PRICE, DEFAULT_SPOT_PRICE, "", "AWS spot instance bid price (in dollar)"),
          CreateFlag.integer(
              BLOCK_DURATION_MINUTES,
              0,
              "",
              "AWS spot instance duration in minutes (60, 120, 180, 240, 300, or 360)"),
          CreateFlag.bool(PRIVATE_ADDRESS_ONLY, "", "Only use a private IP address"),
          CreateFlag.bool(USE_PRIVATE_ADDRESS, "", "Force the usage of private IP address"),
          CreateFlag.bool(MONITORING, "", "Set this flag to enable CloudWatch monitoring"),
          CreateFlag.bool(USE_EBS_OPTIMIZED_INSTANCE, "", "Create an EBS optimized instance"),
          CreateFlag.string(SSH_KEYPATH, "", "AWS_SSH_KEYPATH", "SSH Key for Instance"),
          CreateFlag.string(
              KEYPAIR_NAME, "", "AWS_KEYPAIR_NAME", "AWS keypair to use; requires --amazonec2-ssh-keypath"),
          CreateFlag.integer(
              RETRIES, DEFAULT_RETRIES, "", "Set retry count for recoverable failures (use -1 to disable)"),
          CreateFlag.string(
              ENDPOINT, "", "AWS_ENDPOINT", "Optional endpoint URL (hostname only or fully qualified URI)"),
          CreateFlag.bool(INSECURE_TRANSPORT, "AWS_INSECURE_TRANSPORT", "Disable SSL when sending requests"),
          CreateFlag.string(USERDATA, "", "AWS_USERDATA", "path to file with cloud-init user data"),
          CreateFlag.string(
              HTTP_ENDPOINT,
              DEFAULT_HTTP_ENDPOINT,
              "",
              "Enables or disables the HTTP metadata endpoint on your instances (enabled|disabled)"),
          CreateFlag.string(
              HTTP_TOKENS,
              DEFAULT_HTTP_TOKENS,
              "",
              "The state of token usage for your instance metadata requests (optional|required; required = IMDSv2)"));

  private Ec2Flags() {}
}
