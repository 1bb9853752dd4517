import type { CloudTrailClient, EventDataStore } from '@aws-sdk/client-cloudtrail';
import { callExtension } from '../../lib/cloudtrail/extension-call';
import { describeStorage } from '../../lib/cloudtrail/store-storage';
import { LAKE_OPTIONS, dataDirOf, defineCommand } from './command';
import { openLakeAccess } from './lake-access';
import { listStores } from './resolve-store';
import { bytes, count, table } from './format';

const USAGE = `Usage: trailbench stores [options]

Lists the event data stores: name, ID (or ARN), status, retention, the events, bytes and files
stored in each (from the stores' manifests; nothing is scanned), when compaction last merged
files, and for a store that follows a log source its follow lag (no file that landed longer ago
is still waiting) and last error.

Options:
  --arn            show each store's ARN instead of its ID
  --json           print a JSON array instead of a table
  --endpoint URL   ask this Trailbench server (default: the server that has the data directory
                   open; with none, the lake is opened here)
  --data-dir DIR   the data directory (default: TRAILBENCH_DATA_DIR, else ./data)`;

const OPTIONS = { ...LAKE_OPTIONS, arn: { type: 'boolean' }, json: { type: 'boolean' } } as const;

interface StoreRow {
  name: string;
  id: string;
  arn: string;
  status: string;
  retentionDays?: number;
  terminationProtection?: boolean;
  events?: number;
  bytes?: number;
  files?: number;
  maxFilesPerDay?: number;
  lastCompaction?: string;
  followLagSeconds?: number;
  followError?: string;
}

export const storesCommand = defineCommand({ name: 'stores', usage: USAGE, options: OPTIONS }, async (values) => {
  const access = await openLakeAccess({ dataDir: dataDirOf(values['data-dir']), endpoint: values.endpoint, command: 'trailbench stores', create: false });
  try {
    const rows = await Promise.all((await listStores(access.client)).map((s) => row(access.client, s)));
    if (values.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    console.error(`Lake: ${access.where}`);
    if (!rows.length) {
      console.log('No event data stores.');
      return 0;
    }
    const opt = (n: number | undefined, f: (n: number) => string) => (n === undefined ? '-' : f(n));
    const lag = (r: StoreRow) => (r.followError ? `error: ${r.followError}` : opt(r.followLagSeconds, (s) => `${count(s)} s`));
    console.log(
      table(
        ['NAME', values.arn ? 'ARN' : 'ID', 'STATUS', 'RETENTION', 'EVENTS', 'SIZE', 'FILES', 'COMPACTED', 'FOLLOW LAG'],
        rows.map((r) => [
          r.name,
          values.arn ? r.arn : r.id,
          r.status,
          opt(r.retentionDays, (d) => `${d} days`),
          opt(r.events, count),
          opt(r.bytes, bytes),
          opt(r.files, count),
          r.lastCompaction ?? '-',
          lag(r),
        ]),
        [3, 4, 5, 6],
      ),
    );
    return 0;
  } finally {
    await access.close();
  }
});

async function row(client: CloudTrailClient, s: EventDataStore): Promise<StoreRow> {
  const arn = s.EventDataStoreArn!;
  const id = arn.split('/').pop()!;
  const base: StoreRow = {
    name: s.Name ?? '',
    id,
    arn,
    status: s.Status ?? '',
    retentionDays: s.RetentionPeriod,
    terminationProtection: s.TerminationProtectionEnabled,
  };
  if (s.Status === 'PENDING_DELETION') return base; // not queryable, so not estimable
  // The lake's estimate of a full scan is its stored size and row count, read from the manifest.
  // A store the estimate cannot cover (another kind of endpoint) is listed without the two numbers.
  const est = await callExtension<{ BytesScanned: number; EventsScanned: number }>(client, 'TrailbenchEstimateQuery', {
    QueryStatement: `SELECT * FROM ${id}`,
  }).catch(() => undefined);
  const storage = await describeStorage(client, id);
  return {
    ...base,
    ...(est && { events: est.EventsScanned, bytes: est.BytesScanned }),
    ...(storage && {
      files: storage.Files,
      maxFilesPerDay: storage.MaxFilesPerDay,
      lastCompaction: storage.LastCompactionTime === undefined ? undefined : new Date(storage.LastCompactionTime * 1000).toISOString().slice(0, 19) + 'Z',
      followLagSeconds: storage.Follow.LagSeconds,
      followError: storage.Follow.LastError,
    }),
  };
}
