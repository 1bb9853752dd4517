import { compactStore } from '../../lib/cloudtrail/store-storage';
import { LAKE_OPTIONS, dataDirOf, defineCommand } from './command';
import { openLakeAccess } from './lake-access';
import { findStore, listStores, unknownStore } from './resolve-store';
import { bytes, count, table } from './format';

const USAGE = `Usage: trailbench compact [--store NAME|ID|ARN] [options]

Merges each day's small files into one file sorted by eventTime, now, as the lake's background
compaction does after commits (and the newest day too). Queries running meanwhile finish on the
files they started with; those are deleted once they end. Every store when --store is not given.

Options:
  --store STORE    the event data store: its name, ID or ARN
  --endpoint URL   ask this Trailbench server (default: the server that has the data directory
                   open; with none, the lake is opened here)
  --data-dir DIR   the data directory (default: TRAILBENCH_DATA_DIR, else ./data)`;

const OPTIONS = { ...LAKE_OPTIONS, store: { type: 'string' } } as const;

export const compactCommand = defineCommand({ name: 'compact', usage: USAGE, options: OPTIONS }, async (values) => {
  const access = await openLakeAccess({ dataDir: dataDirOf(values['data-dir']), endpoint: values.endpoint, command: 'trailbench compact', create: false });
  try {
    let stores: { arn: string; name: string }[];
    if (values.store) {
      const one = await findStore(access.client, values.store);
      if (!one) throw await unknownStore(access.client, values.store, access.where);
      stores = [one];
    } else {
      stores = (await listStores(access.client)).filter((s) => s.Status !== 'PENDING_DELETION').map((s) => ({ arn: s.EventDataStoreArn!, name: s.Name ?? '' }));
    }
    const rows: string[][] = [];
    for (const s of stores) {
      const before = Date.now();
      const after = await compactStore(access.client, s.arn);
      if (!after) throw new Error(`${access.where} is not a Trailbench lake: it has no compaction.`);
      if (after.LastCompactionError) console.error(`${s.name}: ${after.LastCompactionError}`);
      rows.push([
        s.name,
        count(after.Files),
        count(after.Days),
        count(after.MaxFilesPerDay),
        bytes(after.Bytes),
        `${((Date.now() - before) / 1000).toFixed(1)} s`,
      ]);
    }
    console.error(`Lake: ${access.where}`);
    console.log(table(['NAME', 'FILES', 'DAYS', 'MOST FILES IN A DAY', 'SIZE', 'TOOK'], rows, [1, 2, 3, 4, 5]));
    return 0;
  } finally {
    await access.close();
  }
});
