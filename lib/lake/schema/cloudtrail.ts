import { array, bool, map, str, struct, ts, type Field } from './types';

/**
 * The CloudTrail Lake schema for management, data and network-activity events
 * (shared/reference/cloudtrail-lake-schema.md §1). The single definition behind the Parquet
 * columns, the raw-record mapping and the editor's property sidebar.
 */
const sessionIssuer = struct('sessionIssuer', 'The IAM entity whose credentials were used to create the session (role or user).', [
  str('type', 'Source of the temporary credentials: Role, IAMUser or Root.'),
  str('principalId', 'Internal ID of the issuing entity.'),
  str('arn', 'ARN of the role or user that issued the session.'),
  str('accountId', 'Account that owns the issuing entity.'),
  str('userName', 'Friendly name of the issuing role or user.'),
]);

const userIdentity = struct('userIdentity', 'Who made the request: identity type, principal, ARN, account, access key and session details.', [
  str('type', 'Root, IAMUser, AssumedRole, Role, FederatedUser, AWSAccount, AWSService, IdentityCenterUser, ...'),
  str('principalId', 'Unique identifier of the principal.'),
  str('arn', 'ARN of the principal that made the call.'),
  str('accountId', 'Account that owns the principal.'),
  str('accessKeyId', 'Access key ID used to sign the request (ASIA... for temporary credentials).'),
  str('userName', 'Friendly name of the user or role session.'),
  struct('sessionContext', 'Details of temporary security credentials.', [
    struct('attributes', 'When the credentials were issued and whether MFA was used.', [
      ts('creationDate', 'When the temporary credentials were issued (UTC).'),
      str('mfaAuthenticated', '"true" when the root or IAM user signed in with MFA (text, not boolean).'),
    ]),
    sessionIssuer,
    struct('webIdFederationData', 'Web identity federation details.', [
      str('federatedProvider', 'The identity provider, e.g. accounts.google.com.'),
      map('attributes', 'Attributes from the identity provider.'),
    ]),
    str('sourceIdentity', 'Source identity set when the role was assumed.'),
    str('ec2RoleDelivery', 'IMDS version that delivered the EC2 role credentials: "1.0" or "2.0".'),
    str('ec2IssuedInVPC', 'VPC ID for EC2 role credentials issued in a VPC.'),
  ]),
  struct('onBehalfOf', 'IAM Identity Center user on whose behalf the call was made.', [
    str('userId', 'Identity Center user ID.'),
    str('identityStoreArn', 'ARN of the identity store.'),
  ]),
  struct('inScopeOf', 'Scope of credentials issued by a service to another resource.', [
    str('sourceArn', 'ARN of the resource the credentials were issued for.'),
    str('sourceAccount', 'Account of that resource.'),
    str('issuerType', 'Type of the issuing resource.'),
    str('credentialsIssuedTo', 'Resource the credentials were issued to.'),
  ]),
  str('invokedBy', 'The AWS service that made the request, e.g. ec2.amazonaws.com.'),
  str('identityProvider', 'Identity provider for SAML or web identity federation.'),
]);

const resourceType = {
  kind: 'struct' as const,
  fields: [
    str('accountId', 'Account that owns the resource.'),
    str('type', 'Resource type, e.g. AWS::S3::Object.'),
    str('ARN', 'ARN of the resource.'),
    str('ARNPrefix', 'ARN prefix when the full ARN is not known.'),
  ],
};

const eventContext = struct('eventContext', 'Enriched context: principal and resource tags, request context keys.', [
  map('requestContext', 'IAM global condition keys of the request.'),
  struct('tagContext', 'Tags attached to the principal and resources.', [
    array('resourceTags', 'Tags of each resource touched by the request.', {
      kind: 'struct',
      fields: [str('arn', 'Resource ARN.'), map('tags', 'Resource tags.')],
    }),
    map('principalTags', 'Tags of the calling principal.'),
  ]),
]);

export const cloudTrailFields: Field[] = [
  str('eventVersion', 'Version of the event record format, e.g. 1.08.'),
  userIdentity,
  ts('eventTime', 'When the request was completed, in UTC. Bound it in WHERE to scan (and pay for) less.'),
  str('eventSource', 'The service the request was made to, e.g. s3.amazonaws.com.'),
  str('eventName', 'The API action, e.g. ConsoleLogin or PutObject (case-sensitive).'),
  str('awsRegion', 'Region the request was made to.'),
  str('sourceIPAddress', 'IP address of the caller, or the AWS service name for service calls.'),
  str('userAgent', 'Agent through which the request was made (console, CLI, SDK, ...).'),
  str('errorCode', 'AWS error code when the request failed; NULL on success.'),
  str('errorMessage', 'Error description when the request failed.'),
  map('requestParameters', "Top-level request parameters; values are text, nested objects compact JSON. Use element_at(requestParameters, 'key')."),
  map('responseElements', 'Top-level response elements for calls that change state; NULL for read-only calls.'),
  map('additionalEventData', 'Additional data, e.g. MFAUsed, LoginTo for console sign-ins.'),
  str('requestID', 'Request ID generated by the service.'),
  str('eventID', 'GUID that uniquely identifies the event.'),
  bool('readOnly', 'Whether the operation only reads.'),
  array('resources', 'Resources accessed in the event (1-based array of structs).', resourceType),
  str('eventType', 'AwsApiCall, AwsServiceEvent, AwsConsoleAction, AwsConsoleSignIn or AwsVpceEvent.'),
  str('apiVersion', 'API version of the call (some services).'),
  bool('managementEvent', 'Whether the event is a management event.'),
  str('recipientAccountId', 'Account that received the event.'),
  str('sharedEventID', 'GUID shared by the copies of a cross-account event.'),
  str('annotation', 'User-provided annotation.'),
  str('vpcEndpointId', 'VPC endpoint the request went through.'),
  str('vpcEndpointAccountId', 'Account owning the VPC endpoint.'),
  map('serviceEventDetails', 'Details of service events (AwsServiceEvent).'),
  map('addendum', 'Why an event was delivered late or updated: reason, updatedFields, originalRequestID, originalEventID.'),
  map('edgeDeviceDetails', 'Snow / edge device details.'),
  map('insightDetails', 'Insights data stored in a CloudTrail store.'),
  str('eventCategory', 'Management, Data or NetworkActivity.'),
  struct('tlsDetails', 'TLS version, cipher suite and host header of the request.', [
    str('tlsVersion', 'TLS version, e.g. TLSv1.3.'),
    str('cipherSuite', 'Cipher suite negotiated.'),
    str('clientProvidedHostHeader', 'Host name the client called.'),
  ]),
  str('sessionCredentialFromConsole', '"true" when the session credentials came from the console (text).'),
  eventContext,
  str('eventJson', "The whole original record as JSON text; use json_extract_scalar(eventJson, '$.path')."),
  str('eventJsonChecksum', 'SHA-256 of eventJson.'),
];
