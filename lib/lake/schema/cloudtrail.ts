import { array, bool, map, str, struct, ts, type Field } from './types';

/**
 * The CloudTrail Lake schema for management, data and network-activity events
 * (shared/reference/cloudtrail-lake-schema.md §1). The single definition behind the Parquet
 * columns, the raw-record mapping and the editor's property sidebar.
 */
const sessionIssuer = struct('sessionissuer', 'The IAM entity whose credentials were used to create the session (role or user).', [
  str('type', 'Source of the temporary credentials: Role, IAMUser or Root.'),
  str('principalid', 'Internal ID of the issuing entity.'),
  str('arn', 'ARN of the role or user that issued the session.'),
  str('accountid', 'Account that owns the issuing entity.'),
  str('username', 'Friendly name of the issuing role or user.'),
]);

const userIdentity = struct('useridentity', 'Who made the request: identity type, principal, ARN, account, access key and session details.', [
  str('type', 'Root, IAMUser, AssumedRole, Role, FederatedUser, AWSAccount, AWSService, IdentityCenterUser, ...'),
  str('principalid', 'Unique identifier of the principal.'),
  str('arn', 'ARN of the principal that made the call.'),
  str('accountid', 'Account that owns the principal.'),
  str('accesskeyid', 'Access key ID used to sign the request (ASIA... for temporary credentials).'),
  str('username', 'Friendly name of the user or role session.'),
  struct('sessioncontext', 'Details of temporary security credentials.', [
    struct('attributes', 'When the credentials were issued and whether MFA was used.', [
      ts('creationdate', 'When the temporary credentials were issued (UTC).'),
      str('mfaauthenticated', '"true" when the root or IAM user signed in with MFA (text, not boolean).'),
    ]),
    sessionIssuer,
    struct('webidfederationdata', 'Web identity federation details.', [
      str('federatedprovider', 'The identity provider, e.g. accounts.google.com.'),
      map('attributes', 'Attributes from the identity provider.'),
    ]),
    str('sourceidentity', 'Source identity set when the role was assumed.'),
    str('ec2roledelivery', 'IMDS version that delivered the EC2 role credentials: "1.0" or "2.0".'),
    str('ec2issuedinvpc', 'VPC ID for EC2 role credentials issued in a VPC.'),
  ]),
  struct('onbehalfof', 'IAM Identity Center user on whose behalf the call was made.', [
    str('userid', 'Identity Center user ID.'),
    str('identitystorearn', 'ARN of the identity store.'),
  ]),
  struct('inscopeof', 'Scope of credentials issued by a service to another resource.', [
    str('sourcearn', 'ARN of the resource the credentials were issued for.'),
    str('sourceaccount', 'Account of that resource.'),
    str('issuertype', 'Type of the issuing resource.'),
    str('credentialsissuedto', 'Resource the credentials were issued to.'),
  ]),
  str('invokedby', 'The AWS service that made the request, e.g. ec2.amazonaws.com.'),
  str('identityprovider', 'Identity provider for SAML or web identity federation.'),
]);

const resourceType = {
  kind: 'struct' as const,
  fields: [
    str('accountid', 'Account that owns the resource.'),
    str('type', 'Resource type, e.g. AWS::S3::Object.'),
    str('arn', 'ARN of the resource.'),
    str('arnprefix', 'ARN prefix when the full ARN is not known.'),
  ],
};

const eventContext = struct('eventcontext', 'Enriched context: principal and resource tags, request context keys.', [
  map('requestcontext', 'IAM global condition keys of the request.'),
  struct('tagcontext', 'Tags attached to the principal and resources.', [
    array('resourcetags', 'Tags of each resource touched by the request.', {
      kind: 'struct',
      fields: [str('arn', 'Resource ARN.'), map('tags', 'Resource tags.')],
    }),
    map('principaltags', 'Tags of the calling principal.'),
  ]),
]);

export const cloudTrailFields: Field[] = [
  str('eventversion', 'Version of the event record format, e.g. 1.08.'),
  userIdentity,
  ts('eventtime', 'When the request was completed, in UTC. Bound it in WHERE to scan (and pay for) less.'),
  str('eventsource', 'The service the request was made to, e.g. s3.amazonaws.com.'),
  str('eventname', 'The API action, e.g. ConsoleLogin or PutObject (case-sensitive).'),
  str('awsregion', 'Region the request was made to.'),
  str('sourceipaddress', 'IP address of the caller, or the AWS service name for service calls.', 'sourceIPAddress'),
  str('useragent', 'Agent through which the request was made (console, CLI, SDK, ...).'),
  str('errorcode', 'AWS error code when the request failed; NULL on success.'),
  str('errormessage', 'Error description when the request failed.'),
  map('requestparameters', 'Top-level request parameters; values are text, nested objects compact JSON. Use element_at(requestParameters, \'key\').'),
  map('responseelements', 'Top-level response elements for calls that change state; NULL for read-only calls.'),
  map('additionaleventdata', 'Additional data, e.g. MFAUsed, LoginTo for console sign-ins.'),
  str('requestid', 'Request ID generated by the service.', 'requestID'),
  str('eventid', 'GUID that uniquely identifies the event.', 'eventID'),
  bool('readonly', 'Whether the operation only reads.'),
  array('resources', 'Resources accessed in the event (1-based array of structs).', resourceType),
  str('eventtype', 'AwsApiCall, AwsServiceEvent, AwsConsoleAction, AwsConsoleSignIn or AwsVpceEvent.'),
  str('apiversion', 'API version of the call (some services).'),
  bool('managementevent', 'Whether the event is a management event.'),
  str('recipientaccountid', 'Account that received the event.'),
  str('sharedeventid', 'GUID shared by the copies of a cross-account event.', 'sharedEventID'),
  str('annotation', 'User-provided annotation.'),
  str('vpcendpointid', 'VPC endpoint the request went through.'),
  str('vpcendpointaccountid', 'Account owning the VPC endpoint.'),
  map('serviceeventdetails', 'Details of service events (AwsServiceEvent).'),
  map('addendum', 'Why an event was delivered late or updated: reason, updatedFields, originalRequestID, originalEventID.'),
  map('edgedevicedetails', 'Snow / edge device details.'),
  map('insightdetails', 'Insights data stored in a CloudTrail store.'),
  str('eventcategory', 'Management, Data or NetworkActivity.'),
  struct('tlsdetails', 'TLS version, cipher suite and host header of the request.', [
    str('tlsversion', 'TLS version, e.g. TLSv1.3.'),
    str('ciphersuite', 'Cipher suite negotiated.'),
    str('clientprovidedhostheader', 'Host name the client called.'),
  ]),
  str('sessioncredentialfromconsole', '"true" when the session credentials came from the console (text).'),
  eventContext,
  str('eventjson', 'The whole original record as JSON text; use json_extract_scalar(eventJson, \'$.path\').'),
  str('eventjsonchecksum', 'SHA-256 of eventJson.'),
];
