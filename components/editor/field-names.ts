import type { Field } from '../../lib/lake/schema';

/**
 * The schema stores lower-case names (the Lake is case-insensitive); people and the AWS docs write
 * camelCase. These are the names the sidebar shows and the editor inserts. Unknown names fall
 * back to the schema's jsonName when it spells the same column, then to the lower-case name.
 */
const WORDS = `
eventVersion userIdentity principalId accountId accessKeyId userName sessionContext attributes creationDate
mfaAuthenticated sessionIssuer webIdFederationData federatedProvider sourceIdentity ec2RoleDelivery ec2IssuedInVpc
onBehalfOf userId identityStoreArn inScopeOf sourceArn sourceAccount issuerType credentialsIssuedTo invokedBy
identityProvider eventTime eventSource eventName awsRegion sourceIPAddress userAgent errorCode errorMessage
requestParameters responseElements additionalEventData requestID eventID readOnly resources arnPrefix eventType
apiVersion managementEvent recipientAccountId sharedEventID vpcEndpointId vpcEndpointAccountId serviceEventDetails
addendum edgeDeviceDetails insightDetails eventCategory tlsDetails tlsVersion cipherSuite clientProvidedHostHeader
sessionCredentialFromConsole eventContext requestContext tagContext resourceTags principalTags eventJson
eventJsonChecksum insightSource insightState insightEventSource insightEventName insightErrorCode insightType
insightContext baselineAverage insightAverage baselineDuration insightDuration attributions attribute insightValue
baselineValue eventData configurationItemVersion configurationItemCaptureTime configurationItemStatus
configurationItemStateId resourceType resourceId resourceName availabilityZone resourceCreationTime configuration
supplementaryConfiguration relatedEvents relationships awsAccountId awsOrganization complianceCheck dataSource
evidenceAwsAccountId evidenceByType iamId evidenceId assessmentId controlSetId controlId controlName
controlDomainName frameworkName frameworkId serviceCategory resourceArn evidenceFolderId description
manualEvidenceS3ResourcePath evidenceFolderName resourceComplianceCheck reason updatedFields originalUID
originalEventID metadata ingestionTime channelARN UID`;

const CAMEL = new Map(WORDS.split(/\s+/).filter(Boolean).map((w) => [w.toLowerCase(), w]));

export function displayName(field: Pick<Field, 'name' | 'jsonName'>): string {
  const json = field.jsonName?.toLowerCase() === field.name ? field.jsonName : undefined;
  return CAMEL.get(field.name) ?? json ?? field.name;
}

export function camelName(lowerName: string): string {
  return CAMEL.get(lowerName.toLowerCase()) ?? lowerName;
}
