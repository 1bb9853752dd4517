/**
 * What each kind of caller does: weighted API mixes. Reads dominate, as in real accounts;
 * writes are a few percent for people and CI, and the interesting ones (StopLogging,
 * ScheduleKeyDeletion, public-bucket policies) are rare.
 */
import type { ApiSpec } from './catalog-types';
import * as ec2 from './catalog-ec2';
import * as iam from './catalog-iam';
import * as ops from './catalog-ops';
import * as s3 from './catalog-s3';
import * as sec from './catalog-security';
import { Picker } from './rng';
import type { RoleTarget } from './catalog-security';
import type { Ctx } from './catalog-types';

type Mix = Array<readonly [ApiSpec, number]>;
const picker = (...parts: Mix[]) => new Picker<ApiSpec>(parts.flat());
const scale = (m: Mix, k: number): Mix => m.map(([s, w]) => [s, w * k] as const);

// Generic (any bucket of the caller's account) S3 bucket-level reads.
const bucketAcl = s3.getBucketAcl();
const bucketPolicy = s3.getBucketPolicy();
const bucketLocation = s3.getBucketLocation();
const bucketVersioning = s3.getBucketVersioning();
const bucketEncryption = s3.getBucketEncryption();
const bucketPab = s3.getBucketPublicAccessBlock();
const bucketTagging = s3.getBucketTagging();

const EC2_READS: Mix = [
  [ec2.describeInstances, 8],
  [ec2.describeSecurityGroups, 4],
  [ec2.describeVpcs, 2],
  [ec2.describeSubnets, 2],
  [ec2.describeVolumes, 2],
  [ec2.describeImages, 1],
  [ec2.describeInstanceStatus, 2],
  [ec2.describeNetworkInterfaces, 1],
  [ec2.describeRegions, 0.5],
  [ec2.describeTags, 0.5],
];
const IAM_READS: Mix = [
  [iam.listUsers, 2],
  [iam.listRoles, 2],
  [iam.getUser, 1],
  [iam.getRole, 2],
  [iam.listAttachedRolePolicies, 2],
  [iam.listRolePolicies, 1],
  [iam.listAccessKeys, 1],
  [iam.getAccountSummary, 0.5],
  [iam.listMFADevices, 0.5],
  [iam.getPolicy, 1],
  [iam.getPolicyVersion, 1],
  [iam.listGroupsForUser, 0.5],
];
const S3_BUCKET_READS: Mix = [
  [s3.listBuckets, 3],
  [bucketAcl, 1],
  [bucketPolicy, 1],
  [bucketLocation, 1],
  [bucketVersioning, 0.5],
  [bucketEncryption, 0.5],
  [bucketPab, 0.5],
  [bucketTagging, 0.3],
];
const TRAIL_READS: Mix = [
  [ops.describeTrails, 0.5],
  [ops.getTrailStatus, 0.5],
  [ops.lookupEvents, 1.5],
  [ops.getEventSelectors, 0.3],
  [ops.startQuery, 0.3],
  [ops.getQueryResults, 0.8],
  [ops.describeQuery, 0.4],
  [ops.listEventDataStores, 0.2],
];
const LAMBDA_READS: Mix = [
  [ops.listFunctions, 1.5],
  [ops.getFunction, 1],
  [ops.getFunctionConfiguration, 0.5],
  [ops.listVersionsByFunction, 0.3],
  [ops.getLambdaPolicy, 0.3],
];
const KMS_READS: Mix = [
  [sec.listAliases, 0.5],
  [sec.describeKey, 0.5],
  [sec.listKeys, 0.2],
  [sec.getKeyRotationStatus, 0.2],
];

const ADMIN_WRITES: Mix = [
  [iam.createUser, 0.15],
  [iam.createAccessKey, 0.15],
  [iam.attachUserPolicy, 0.1],
  [iam.attachRolePolicy, 0.15],
  [iam.putRolePolicy, 0.1],
  [iam.createLoginProfile, 0.05],
  [iam.deleteAccessKey, 0.1],
  [iam.updateAccessKey, 0.05],
  [iam.deleteUser, 0.05],
  [iam.addUserToGroup, 0.05],
  [iam.createRole, 0.05],
  [iam.updateAssumeRolePolicy, 0.03],
  [ec2.createSecurityGroup, 0.1],
  [ec2.authorizeSecurityGroupIngress, 0.2],
  [ec2.revokeSecurityGroupIngress, 0.05],
  [ec2.runInstances, 0.15],
  [ec2.stopInstances, 0.15],
  [ec2.startInstances, 0.15],
  [ec2.terminateInstances, 0.05],
  [ec2.createTags, 0.15],
  [s3.createBucket, 0.05],
  [s3.putBucketPolicy, 0.05],
  [s3.putBucketPublicAccessBlock, 0.04],
  [s3.putBucketVersioning, 0.03],
  [s3.deleteBucket, 0.02],
  [ops.updateFunctionConfiguration, 0.1],
  [ops.stopLogging, 0.006],
  [ops.startLogging, 0.006],
  [ops.putEventSelectors, 0.01],
  [sec.createKey, 0.02],
  [sec.scheduleKeyDeletion, 0.005],
  [sec.disableKey, 0.005],
];

/** An administrator in the console and CLI. */
export function adminPersona(assume: ((c: Ctx) => RoleTarget) | null): Picker<ApiSpec> {
  return picker(
    EC2_READS,
    IAM_READS,
    S3_BUCKET_READS,
    TRAIL_READS,
    LAMBDA_READS,
    KMS_READS,
    ADMIN_WRITES,
    [
      [sec.getCallerIdentity, 2],
      [sec.listSecrets, 0.5],
      [sec.describeSecret, 0.3],
    ],
    assume ? [[sec.assumeRole(assume), 0.4]] : [],
  );
}

/** A developer: EC2 and Lambda, their app's buckets, a few IAM reads; IAM writes are denied for them. */
export function developerPersona(): Picker<ApiSpec> {
  return picker(
    scale(EC2_READS, 1.2),
    scale(LAMBDA_READS, 3),
    [
      [s3.listBuckets, 2],
      [bucketLocation, 1],
      [bucketPolicy, 0.3],
    ],
    [
      [s3.getObject(['artifacts', 'uploads', 'orders']), 3],
      [s3.putObject(['artifacts', 'uploads']), 1.5],
      [s3.listObjects(['artifacts', 'uploads']), 1],
    ],
    [
      [iam.getRole, 1],
      [iam.listRoles, 0.5],
      [sec.getCallerIdentity, 2],
      [sec.getSecretValue, 0.5],
      [sec.describeKey, 0.2],
    ],
    [
      [ops.updateFunctionCode, 1],
      [ops.updateFunctionConfiguration, 0.5],
      [ops.addPermission, 0.1],
      [ops.createFunction, 0.05],
      [ops.deleteFunction, 0.03],
      [ec2.startInstances, 0.2],
      [ec2.stopInstances, 0.2],
      [ec2.createTags, 0.1],
      [ec2.runInstances, 0.05],
      [iam.createAccessKey, 0.05],
      [iam.attachRolePolicy, 0.05],
      [iam.putRolePolicy, 0.05],
      [ops.lookupEvents, 0.3],
    ],
  );
}

/** Read-only auditors and viewers; the odd write attempt is denied. */
export function readOnlyPersona(): Picker<ApiSpec> {
  return picker(EC2_READS, IAM_READS, S3_BUCKET_READS, scale(TRAIL_READS, 2), LAMBDA_READS, KMS_READS, [
    [sec.getCallerIdentity, 1],
    [ec2.stopInstances, 0.05],
    [iam.createAccessKey, 0.02],
    [s3.putBucketPolicy, 0.02],
    [ec2.authorizeSecurityGroupIngress, 0.03],
  ]);
}

/** A security analyst: CloudTrail Lake queries, IAM and trail checks. */
export function securityAnalystPersona(): Picker<ApiSpec> {
  return picker(scale(TRAIL_READS, 6), IAM_READS, scale(EC2_READS, 0.5), S3_BUCKET_READS, KMS_READS, [
    [iam.getAccountAuthorizationDetails, 0.2],
    [iam.getAccountPasswordPolicy, 0.3],
    [sec.getCallerIdentity, 1],
    [iam.updateAccessKey, 0.05],
  ]);
}

/** Terraform plan/apply in CI: lots of reads, a steady trickle of writes. */
export function terraformPersona(): Picker<ApiSpec> {
  return picker(
    [
      [ec2.describeInstances, 6],
      [ec2.describeSecurityGroups, 6],
      [ec2.describeVpcs, 4],
      [ec2.describeSubnets, 4],
      [ec2.describeImages, 3],
      [ec2.describeNetworkInterfaces, 1],
      [ec2.describeTags, 1],
    ],
    [
      [iam.getRole, 5],
      [iam.getPolicy, 3],
      [iam.getPolicyVersion, 3],
      [iam.listRolePolicies, 2],
      [iam.listAttachedRolePolicies, 3],
      [iam.getUser, 0.5],
    ],
    [
      [bucketPolicy, 3],
      [bucketVersioning, 2],
      [bucketAcl, 2],
      [bucketEncryption, 2],
      [bucketPab, 1],
      [bucketTagging, 1],
      [bucketLocation, 1],
    ],
    [
      [ops.getFunction, 3],
      [ops.listVersionsByFunction, 2],
      [ops.getLambdaPolicy, 2],
      [sec.describeKey, 2],
      [sec.getKeyPolicy, 1],
      [sec.getKeyRotationStatus, 1],
    ],
    [
      [sec.getCallerIdentity, 3],
      [ops.describeTrails, 0.5],
      [ops.getEventSelectors, 0.5],
    ],
    [
      [ec2.runInstances, 0.3],
      [ec2.terminateInstances, 0.2],
      [ec2.createSecurityGroup, 0.3],
      [ec2.authorizeSecurityGroupIngress, 0.5],
      [ec2.revokeSecurityGroupIngress, 0.2],
      [ec2.createTags, 0.6],
      [iam.putRolePolicy, 0.3],
      [iam.attachRolePolicy, 0.3],
      [iam.detachRolePolicy, 0.1],
      [iam.createRole, 0.15],
      [iam.updateAssumeRolePolicy, 0.1],
      [ops.updateFunctionCode, 0.8],
      [ops.updateFunctionConfiguration, 0.4],
      [ops.addPermission, 0.1],
      [s3.putBucketPolicy, 0.2],
      [s3.putBucketVersioning, 0.1],
      [s3.putBucketPublicAccessBlock, 0.1],
      [s3.createBucket, 0.05],
      [ops.putEventSelectors, 0.02],
    ],
  );
}

/** The Terraform state bucket lives in the management account; CI there also reads and writes it. */
export function terraformStatePersona(): Picker<ApiSpec> {
  return picker(
    [
      [s3.getObject(['tfstate']), 6],
      [s3.putObject(['tfstate']), 1],
      [s3.deleteObject(['tfstate']), 0.8],
      [s3.listObjects(['tfstate']), 1],
    ],
    [
      [iam.getRole, 2],
      [iam.listRoles, 1],
      [iam.getPolicy, 1],
      [iam.getPolicyVersion, 1],
      [sec.getCallerIdentity, 2],
      [iam.createRole, 0.05],
      [iam.attachRolePolicy, 0.1],
    ],
  );
}

/** CloudFormation deploying a CDK stack with its execution role. */
export function cloudFormationPersona(): Picker<ApiSpec> {
  return picker([
    [s3.createBucket, 1],
    [s3.putBucketPolicy, 1.5],
    [s3.putBucketVersioning, 0.5],
    [s3.putBucketPublicAccessBlock, 1],
    [iam.createRole, 1],
    [iam.putRolePolicy, 1.5],
    [iam.attachRolePolicy, 1],
    [iam.getRole, 3],
    [ec2.createSecurityGroup, 0.5],
    [ec2.authorizeSecurityGroupIngress, 1],
    [ec2.describeSecurityGroups, 2],
    [ops.createFunction, 0.5],
    [ops.addPermission, 0.5],
    [ops.getFunction, 2],
    [ops.updateFunctionCode, 1],
    [sec.describeKey, 1],
  ]);
}

/** An application on EC2 (instance role): its data, keys and secrets. */
export function appInstancePersona(): Picker<ApiSpec> {
  return picker([
    [s3.getObject(['orders']), 30],
    [s3.putObject(['orders']), 14],
    [s3.headObject(['orders']), 6],
    [s3.deleteObject(['orders']), 1.5],
    [sec.kmsCrypto('Decrypt', 'app'), 8],
    [sec.kmsCrypto('GenerateDataKey', 'app'), 4],
    [sec.getSecretValue, 5],
    [sec.getCallerIdentity, 0.5],
    [ec2.describeInstances, 1.5],
    [ec2.describeTags, 2],
  ]);
}

/** The thumbnail Lambda: reads uploads, writes thumbnails. */
export function thumbnailPersona(): Picker<ApiSpec> {
  return picker([
    [s3.getObject(['uploads']), 35],
    [s3.headObject(['uploads']), 8],
    [s3.putObject(['thumbnails']), 30],
    [s3.deleteObject(['uploads']), 2],
    [sec.kmsCrypto('Decrypt', 'lambda'), 3],
  ]);
}

/** The nightly report Lambda. */
export function reportPersona(): Picker<ApiSpec> {
  return picker([
    [s3.getObject(['orders']), 40],
    [s3.listObjects(['orders']), 5],
    [s3.putObject(['reports']), 12],
    [sec.getSecretValue, 2],
    [sec.kmsCrypto('Decrypt', 'lambda'), 2],
  ]);
}

/** S3 calling KMS for SSE-KMS objects on a workload's behalf. */
export function s3KmsPersona(): Picker<ApiSpec> {
  return picker([
    [sec.kmsCrypto('Decrypt', 's3'), 3],
    [sec.kmsCrypto('GenerateDataKey', 's3'), 2],
  ]);
}

/** Secrets Manager decrypting secrets with KMS on a workload's behalf. */
export function secretsKmsPersona(): Picker<ApiSpec> {
  return picker([[sec.kmsCrypto('Decrypt', 'secrets'), 1]]);
}

/** AWS Config's service-linked role describing resources everywhere. */
export function configRecorderPersona(): Picker<ApiSpec> {
  return picker(
    scale(EC2_READS, 1.5),
    [
      [iam.getRole, 4],
      [iam.listRolePolicies, 3],
      [iam.listAttachedRolePolicies, 3],
      [iam.getUser, 1],
      [iam.getPolicy, 2],
      [iam.getPolicyVersion, 2],
    ],
    [
      [bucketAcl, 4],
      [bucketPolicy, 4],
      [bucketVersioning, 3],
      [bucketEncryption, 3],
      [bucketPab, 3],
      [bucketLocation, 2],
      [bucketTagging, 2],
    ],
    [
      [ops.getFunction, 3],
      [ops.getLambdaPolicy, 2],
      [sec.describeKey, 3],
      [sec.getKeyRotationStatus, 2],
      [ops.describeTrails, 2],
      [ops.getTrailStatus, 2],
    ],
  );
}

/** A security scanner (Prowler-style) sweeping every region with SecurityAudit. */
export function scannerPersona(): Picker<ApiSpec> {
  return picker(EC2_READS, scale(IAM_READS, 1.5), S3_BUCKET_READS, scale(TRAIL_READS, 0.5), LAMBDA_READS, scale(KMS_READS, 2), [
    [iam.getAccountPasswordPolicy, 1],
    [iam.getAccountAuthorizationDetails, 0.3],
    [sec.listSecrets, 1],
    [sec.describeSecret, 0.5],
    [ec2.describeRegions, 1],
  ]);
}

/** An old on-prem reporting job with a long-lived key. */
export function legacyReportingPersona(): Picker<ApiSpec> {
  return picker([
    [s3.getObject(['reports', 'orders']), 70],
    [s3.listObjects(['reports']), 8],
    [s3.listBuckets, 4],
    [sec.getCallerIdentity, 2],
  ]);
}

export function backupPersona(): Picker<ApiSpec> {
  return picker([
    [s3.putObject(['backups']), 80],
    [s3.listObjects(['backups']), 8],
    [s3.headObject(['backups']), 8],
    [s3.deleteObject(['backups']), 5],
  ]);
}

/** SIEM ingestion reading the organisation trail's log files. */
export function siemPersona(): Picker<ApiSpec> {
  return picker([
    [s3.getObject(['cloudtrail', 'config', 'findings']), 85],
    [s3.listObjects(['cloudtrail']), 10],
    [sec.kmsCrypto('Decrypt', 'cloudtrail'), 5],
  ]);
}

export function qaPersona(): Picker<ApiSpec> {
  return picker([
    [s3.getObject(['uploads', 'artifacts']), 10],
    [s3.putObject(['uploads']), 6],
    [s3.deleteObject(['uploads']), 2],
    [ec2.describeInstances, 2],
    [ops.getFunction, 1],
    [sec.getCallerIdentity, 1],
  ]);
}

/** CloudTrail itself delivering log files to the organisation bucket. */
export function cloudTrailDeliveryPersona(): Picker<ApiSpec> {
  return picker([
    [s3.getBucketAcl(['cloudtrail']), 30],
    [s3.putObject(['cloudtrail']), 50],
    [sec.kmsCrypto('GenerateDataKey', 'cloudtrail'), 20],
  ]);
}

export function configDeliveryPersona(): Picker<ApiSpec> {
  return picker([
    [s3.getBucketAcl(['config']), 1],
    [s3.putObject(['config']), 2],
  ]);
}

/** EC2 Auto Scaling's service-linked role replacing instances. */
export function autoScalingPersona(): Picker<ApiSpec> {
  return picker([
    [ec2.runInstances, 2],
    [ec2.terminateInstances, 2],
    [ec2.describeInstances, 10],
    [ec2.describeInstanceStatus, 5],
    [ec2.createTags, 1],
  ]);
}

/** Services assuming workload roles (Lambda execution roles, EC2 instance profiles). */
export function serviceAssumePersona(target: (c: Ctx) => RoleTarget): Picker<ApiSpec> {
  return picker([[sec.assumeRole(target), 1]]);
}

export function webIdentityPersona(): Picker<ApiSpec> {
  return picker([[sec.assumeRoleWithWebIdentity, 1]]);
}

/** The root user, on the rare occasions someone signs in as root. */
export function rootPersona(): Picker<ApiSpec> {
  return picker([
    [iam.getAccountSummary, 2],
    [iam.listUsers, 1],
    [s3.listBuckets, 1],
    [ops.describeTrails, 1],
    [iam.getAccountPasswordPolicy, 0.5],
    [iam.listMFADevices, 0.5],
    [iam.createAccessKey, 0.1],
    [ec2.describeRegions, 0.3],
  ]);
}

/** What an attacker holding a stolen access key tries first. */
export const RECON_STEPS: readonly ApiSpec[] = [
  s3.listBuckets,
  iam.listUsers,
  iam.listRoles,
  iam.getAccountAuthorizationDetails,
  iam.listAccessKeys,
  ec2.describeInstances,
  ec2.describeInstances,
  ec2.describeSecurityGroups,
  ec2.describeRegions,
  sec.listSecrets,
  ops.describeTrails,
  ops.listFunctions,
  iam.createUser,
  iam.createAccessKey,
  iam.attachUserPolicy,
  s3.getObject(null),
  ec2.runInstances,
];
