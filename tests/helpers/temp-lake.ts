import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Lake } from '../../lib/lake/lake';

/** A lake in a fresh temp directory, with a store holding the given raw records. */
export async function tempLake(records: unknown[] = [], name = 'fixture') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-test-'));
  const lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012', queryTimeoutMs: 60_000 });
  const store = lake.stores.create({ name });
  if (records.length) await lake.appendEvents(store.id, records);
  return {
    lake,
    store,
    dataDir,
    async close() {
      lake.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs SQL (with `$EDS_ID` for the store) to completion; returns columns and rows of cells. */
export async function query(lake: Lake, sql: string, storeId: string) {
  const q = await lake.startQuery(sql.replaceAll('$EDS_ID', storeId));
  for (;;) {
    const r = lake.queries.get(q.queryId);
    if (r.status !== 'QUEUED' && r.status !== 'RUNNING') break;
    await new Promise((res) => setTimeout(res, 5));
  }
  const rec = lake.queries.get(q.queryId);
  return { status: rec.status, error: rec.errorMessage, columns: rec.columns, rows: lake.queries.page(q.queryId, 0, 100_000), record: rec };
}

export function loadFixture(): Record<string, unknown>[] {
  const file = path.resolve('tests/fixtures/sample-events.jsonl'); // tests run from the project root
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

/** The rows of SQL that must finish (its error otherwise). */
export async function finishedRows(lake: Lake, sql: string, storeId: string): Promise<string[][]> {
  const r = await query(lake, sql, storeId);
  if (r.status !== 'FINISHED') throw new Error(`The query ended ${r.status}: ${r.error}`);
  return r.rows as string[][];
}
