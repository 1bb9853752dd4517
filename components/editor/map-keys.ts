/**
 * Keys commonly found in CloudTrail's map columns, offered inside `element_at(col, '` and under
 * the maps of the property sidebar. Keys sampled from the picked store (when the server offers
 * them) come first; these fill in.
 */
export const COMMON_MAP_KEYS: Record<string, readonly string[]> = {
  requestparameters: [
    'bucketName',
    'key',
    'roleArn',
    'roleSessionName',
    'userName',
    'roleName',
    'policyArn',
    'policyName',
    'groupName',
    'groupId',
    'instanceType',
    'instancesSet',
    'keyId',
    'secretId',
    'functionName',
    'name',
    'trailName',
    'accessKeyId',
    'durationSeconds',
    'pendingWindowInDays',
    'eventDataStore',
    'queryStatement',
    'policyDocument',
    'assumeRolePolicyDocument',
    'ipPermissions',
    'vpcId',
    'tableName',
    'logGroupName',
  ],
  responseelements: [
    'ConsoleLogin',
    'accessKey',
    'assumedRoleUser',
    'credentials',
    'user',
    'role',
    'instancesSet',
    'keyMetadata',
    'groupId',
    'loginProfile',
    'policy',
    'queryId',
    'x-amz-version-id',
  ],
  additionaleventdata: [
    'MFAUsed',
    'LoginTo',
    'MobileVersion',
    'MfaType',
    'CredentialType',
    'SignatureVersion',
    'CipherSuite',
    'AuthenticationMethod',
    'bytesTransferredIn',
    'bytesTransferredOut',
    'x-amz-id-2',
    'SSEApplied',
  ],
  addendum: ['reason', 'updatedFields', 'originalRequestID', 'originalEventID'],
  serviceeventdetails: ['snapshotId', 'keyId', 'backupVaultName', 'state', 'eventType'],
  insightdetails: ['state', 'eventSource', 'eventName', 'insightType', 'errorCode', 'insightContext'],
  edgedevicedetails: ['type', 'deviceID', 'snowJobId'],
  requestcontext: ['aws:SourceIp', 'aws:SourceVpc', 'aws:PrincipalOrgID', 'aws:CalledVia'],
  principaltags: ['team', 'environment', 'owner'],
  tags: ['Name', 'environment', 'owner', 'team'],
  attributes: ['sub', 'aud', 'email'],
};

/** Keys for a map field (by its lower-case name): sampled ones first, then the common ones. */
export function mapKeysFor(fieldName: string, sampled?: readonly string[]): string[] {
  const common = COMMON_MAP_KEYS[fieldName.toLowerCase()] ?? [];
  return [...new Set([...(sampled ?? []), ...common])];
}
