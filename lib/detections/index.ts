import { computeDetections } from './library/compute';
import { discoveryDetections } from './library/discovery';
import { iamDetections } from './library/iam';
import { impactDetections } from './library/impact';
import { loggingDetections } from './library/logging';
import { networkDetections } from './library/network';
import { rootDetections } from './library/root';
import { s3Detections } from './library/s3';
import { secretDetections } from './library/secrets';
import { securityServiceDetections } from './library/security-services';
import { sharingDetections } from './library/sharing';
import { signInDetections } from './library/sign-in';
import { stsDetections } from './library/sts';
import type { Detection } from './types';

/** The detection library, in the order the docs list it. */
export const DETECTIONS: readonly Detection[] = [
  ...rootDetections,
  ...signInDetections,
  ...stsDetections,
  ...iamDetections,
  ...loggingDetections,
  ...securityServiceDetections,
  ...networkDetections,
  ...s3Detections,
  ...sharingDetections,
  ...secretDetections,
  ...computeDetections,
  ...discoveryDetections,
  ...impactDetections,
];

const byId = new Map(DETECTIONS.map((d) => [d.id, d]));
export const detectionById = (id: string): Detection | undefined => byId.get(id);
