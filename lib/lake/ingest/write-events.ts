import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnTypes, fieldsFor, type TableShape } from '../schema';
import { sqlString } from '../engine/duckdb';
import { readManifest, writeManifest, type DataFile } from '../storage/manifest';
import { readJson, writeFileAtomic } from '../storage/fs-atomic';
import { normalizeRecord, RecordError } from './normalize';

export interface WriteResult {
  added: number;
  duplicates: number;
  failed: { index: number; reason: string }[];
  files: DataFile[];
}


/**
 * Appends raw CloudTrail records to a store: one new Parquet file per UTC day touched, sorted by
 * eventTime, without events whose eventID the store already holds. The manifest is replaced only
 * after every file is complete, so a crash leaves the store as it was before the batch.
 * Callers serialise writes per store.
 */
export async function writeEvents(
  con: DuckDBConnection,
  opts: { storeDir: string; tmpDir: string; shape: TableShape },
  records: Iterable<unknown>,
): Promise<WriteResult> {
  const fields = fieldsFor(opts.shape);
  fs.mkdirSync(opts.tmpDir, { recursive: true });
  // Rows go to one NDJSON spool file per UTC day as they are read, so memory stays flat.
  const spools = new Map<string, Spool>();
  const seen = new Set<string>(); // duplicates inside the batch; the batch size bounds this set
  const failed: WriteResult['failed'] = [];
  let index = 0;
  let total = 0;
  try {
    for (const raw of records) {
      try {
        const row = normalizeRecord(raw, fields);
        total++;
        const id = row.eventid as string;
        if (!seen.has(id)) {
          seen.add(id);
          const day = (row.eventtime as string).slice(0, 10);
          let spool = spools.get(day);
          if (!spool) spools.set(day, (spool = new Spool(path.join(opts.tmpDir, `${randomUUID()}.ndjson`))));
          spool.write(JSON.stringify(row));
        }
      } catch (e) {
        if (!(e instanceof RecordError)) throw e;
        failed.push({ index, reason: e.message });
      }
      index++;
    }
  } finally {
    for (const s of spools.values()) s.close();
  }

  const manifest = readManifest(opts.storeDir);
  const newFiles: DataFile[] = [];
  // Files this batch may create are noted first, so a crash before the manifest commit leaves
  // nothing that recovery cannot identify and remove.
  const planned = [...spools.keys()].sort().map((day) => path.join('data', day, `part-${randomUUID()}.parquet`));
  writeIntent(opts.storeDir, planned);
  let added = 0;
  const columns = `{${Object.entries(columnTypes(opts.shape)).map(([k, v]) => `${k}: ${sqlString(v)}`).join(', ')}}`;
  const days = [...spools.keys()].sort();
  const batch = `tb_batch_${randomUUID().replaceAll('-', '')}`;
  try {
    // One parallel read of every spool, minus events the store already holds on those days.
    const existing = manifest.files.filter((f) => spools.has(f.day)).map((f) => sqlString(path.join(opts.storeDir, f.file)));
    const notStored = existing.length ? `WHERE eventid NOT IN (SELECT eventid FROM read_parquet([${existing.join(', ')}]))` : '';
    const spoolList = days.map((d) => sqlString(spools.get(d)!.file)).join(', ');
    await con.run(`CREATE TEMP TABLE ${batch} AS SELECT * REPLACE (sha256(eventjson) AS eventjsonchecksum)
      FROM read_json([${spoolList}], format = 'newline_delimited', columns = ${columns}, maximum_object_size = 104857600) ${notStored}`);
    const perDay = await con.runAndReadAll(`SELECT strftime(eventtime, '%Y-%m-%d') AS day, count(*), epoch_ms(min(eventtime)), epoch_ms(max(eventtime)) FROM ${batch} GROUP BY 1`);
    const stats = new Map(perDay.getRows().map(([d, n, lo, hi]) => [String(d), { rows: Number(n), minTime: Number(lo), maxTime: Number(hi) }]));
    for (const [i, day] of days.entries()) {
      const st = stats.get(day);
      if (!st) continue; // every event of that day was stored already
      const rel = planned[i];
      const target = path.join(opts.storeDir, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await con.run(`COPY (SELECT * FROM ${batch} WHERE eventtime >= TIMESTAMP '${day} 00:00:00' AND eventtime < TIMESTAMP '${day} 00:00:00' + INTERVAL 1 DAY ORDER BY eventtime)
        TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
      added += st.rows;
      newFiles.push(await describeFile(con, opts.storeDir, rel, day, st));
    }
  } catch (e) {
    for (const f of newFiles) fs.rmSync(path.join(opts.storeDir, f.file), { force: true });
    throw e;
  } finally {
    await con.run(`DROP TABLE IF EXISTS ${batch}`).catch(() => undefined);
    for (const s of spools.values()) fs.rmSync(s.file, { force: true });
  }
  if (newFiles.length) writeManifest(opts.storeDir, { version: 1, files: [...manifest.files, ...newFiles] });
  fs.rmSync(intentFile(opts.storeDir), { force: true });
  return { added, duplicates: total - added, failed, files: newFiles };
}

/** A finished Parquet file's manifest entry: rows, time range, size, SHA-256 and bytes per column. */
export async function describeFile(con: DuckDBConnection, storeDir: string, rel: string, day: string, st: { rows: number; minTime: number; maxTime: number }): Promise<DataFile> {
  const abs = path.join(storeDir, rel);
  const meta = await con.runAndReadAll(
    `SELECT split_part(path_in_schema, ', ', 1) AS col, sum(total_compressed_size)::BIGINT AS bytes FROM parquet_metadata(${sqlString(abs)}) GROUP BY 1`,
  );
  const columnBytes: Record<string, number> = {};
  for (const [col, bytes] of meta.getRows()) columnBytes[String(col).toLowerCase()] = Number(bytes);
  const buf = fs.readFileSync(abs);
  return { file: rel, day, ...st, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), columnBytes };
}


/** An NDJSON file written in large chunks. */
class Spool {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(line: string) {
    this.buffer.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush() {
    if (this.buffer.length) fs.writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }

  close() {
    this.flush();
    fs.closeSync(this.fd);
  }
}

const intentFile = (storeDir: string) => path.join(storeDir, 'pending-writes.json');

function writeIntent(storeDir: string, files: string[]) {
  writeFileAtomic(intentFile(storeDir), JSON.stringify({ files }));
}

/** After a crash: removes files of a batch that never reached the manifest. Returns how many. */
export function recoverInterruptedWrite(storeDir: string): number {
  const intent = readJson<{ files: string[] }>(intentFile(storeDir));
  if (!intent) return 0;
  const listed = new Set(readManifest(storeDir).files.map((f) => f.file));
  let removed = 0;
  for (const f of intent.files) {
    if (!listed.has(f) && fs.existsSync(path.join(storeDir, f))) {
      fs.rmSync(path.join(storeDir, f), { force: true });
      removed++;
    }
  }
  fs.rmSync(intentFile(storeDir), { force: true });
  return removed;
}
