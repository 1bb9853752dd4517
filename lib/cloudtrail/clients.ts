import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { getLake } from '../lake';
import { InProcessLakeHandler } from './in-process-handler';

/**
 * CloudTrail clients the workbench queries through. The built-in lake is reached in process with
 * the same SDK and the same signed wire format an AWS endpoint gets.
 */
let builtin: Promise<CloudTrailClient> | undefined;

export function builtinLakeClient(): Promise<CloudTrailClient> {
  builtin ??= getLake().then(
    (lake) =>
      new CloudTrailClient({
        region: lake.opts.region,
        endpoint: 'http://builtin.lake.trailbench/lake',
        credentials: { accessKeyId: lake.credentials.accessKeyId, secretAccessKey: lake.credentials.secretAccessKey },
        requestHandler: new InProcessLakeHandler(lake),
        maxAttempts: 1,
      }),
  );
  return builtin;
}
