import {
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  GetEventDataStoreCommand,
  GetImportCommand,
  ListEventDataStoresCommand,
  ListImportFailuresCommand,
  ListImportsCommand,
  RestoreEventDataStoreCommand,
  StartEventDataStoreIngestionCommand,
  StartImportCommand,
  StopEventDataStoreIngestionCommand,
  StopImportCommand,
  UpdateEventDataStoreCommand,
  type CloudTrailClient,
} from '@aws-sdk/client-cloudtrail';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { audit } from '../auth/audit-write';
import { clientFor } from '../cloudtrail/clients';
import { callExtension } from '../cloudtrail/extension-call';
import { describeStorage, type StoreStorage } from '../cloudtrail/store-storage';

/**
 * What the console's lake pages do, through the CloudTrail API only (the same calls the CLI and
 * any AWS client make), on the built-in lake or an AWS connection. Changes are sent as the given
 * request and written to the audit log with it, whether they succeed or not.
 */
export interface LakeTarget {
  connectionId: string;
  region?: string;
}

/** The operations the console may change a lake with, by their CloudTrail names. */
const CHANGES = {
  CreateEventDataStore: CreateEventDataStoreCommand,
  UpdateEventDataStore: UpdateEventDataStoreCommand,
  DeleteEventDataStore: DeleteEventDataStoreCommand,
  RestoreEventDataStore: RestoreEventDataStoreCommand,
  StartEventDataStoreIngestion: StartEventDataStoreIngestionCommand,
  StopEventDataStoreIngestion: StopEventDataStoreIngestionCommand,
  StartImport: StartImportCommand,
  StopImport: StopImportCommand,
} as const;
export type ChangeOperation = keyof typeof CHANGES | 'TrailbenchSetIngestionSource';

export async function changeLake(
  db: Kysely<Database>,
  user: CurrentUser,
  target: LakeTarget,
  operation: ChangeOperation,
  request: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const client = await clientFor(target.connectionId, target.region);
  let outcome = 'ok';
  let out: Record<string, unknown> | undefined;
  try {
    if (operation === 'TrailbenchSetIngestionSource') {
      out = await callExtension<Record<string, unknown>>(client, operation, request);
      if (!out) throw unsupported(operation);
    } else {
      const Command = CHANGES[operation] as unknown as new (input: unknown) => Parameters<CloudTrailClient['send']>[0];
      const { $metadata: _m, ...rest } = (await client.send(new Command(request))) as unknown as Record<string, unknown>;
      out = rest;
    }
    return out;
  } catch (e) {
    outcome = (e as Error).name || 'Error';
    throw e;
  } finally {
    const target_ = String(request.EventDataStore ?? (request.Destinations as string[] | undefined)?.[0] ?? request.ImportId ?? out?.EventDataStoreArn ?? '');
    await audit(db, {
      userId: user.id,
      action: `console.${operation}`,
      target: target_.split('/').pop() || null,
      detail: { connectionId: target.connectionId, region: target.region, request, outcome },
    });
  }
}

function unsupported(operation: string) {
  return Object.assign(new Error(`${operation} is a Trailbench extension; this connection does not offer it.`), {
    name: 'UnsupportedOperationException',
    $metadata: { httpStatusCode: 400 },
  });
}

export type { StoreStorage };
/** A store's follow state (TrailbenchGetIngestionSource, and `Follow` of TrailbenchDescribeStorage). */
export type FollowStatus = StoreStorage['Follow'];

/** Every store of one lake with what it holds and how it is fed. */
export async function storeOverviews(target: LakeTarget) {
  const client = await clientFor(target.connectionId, target.region);
  const out = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListEventDataStoresCommand({ NextToken }));
    for (const s of page.EventDataStores ?? []) out.push(await describeStore(client, s.EventDataStoreArn!));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

async function describeStore(client: CloudTrailClient, arn: string) {
  const { $metadata: _m, ...store } = await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }));
  // one call: the storage description carries the follow state too (none while pending deletion)
  const storage = await describeStorage(client, arn);
  return { id: arn.split('/').pop()!, store, storage, follow: store.Status === 'PENDING_DELETION' ? undefined : storage?.Follow };
}

export async function storeDetail(target: LakeTarget, idOrArn: string) {
  const client = await clientFor(target.connectionId, target.region);
  return describeStore(client, idOrArn);
}

/** Imports of one lake (newest first), each with its progress; of one store when `destination` is given. */
export async function importsOf(target: LakeTarget, destination?: string) {
  const client = await clientFor(target.connectionId, target.region);
  const list = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListImportsCommand({ NextToken, Destination: destination }));
    list.push(...(page.Imports ?? []));
    NextToken = page.NextToken;
  } while (NextToken && list.length < 200);
  list.sort((a, b) => (b.CreatedTimestamp?.getTime() ?? 0) - (a.CreatedTimestamp?.getTime() ?? 0));
  return Promise.all(list.slice(0, 50).map((i) => importDetail(target, i.ImportId!, client, false)));
}

export async function importDetail(target: LakeTarget, importId: string, client?: CloudTrailClient, withFailures = true) {
  client ??= await clientFor(target.connectionId, target.region);
  const { $metadata: _m, ...imp } = await client.send(new GetImportCommand({ ImportId: importId }));
  const failures = withFailures ? ((await client.send(new ListImportFailuresCommand({ ImportId: importId, MaxResults: 1000 }))).Failures ?? []) : [];
  return { ...imp, Failures: failures };
}
