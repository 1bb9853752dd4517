import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import { generateEvents } from './generate-events';
import { Rng } from './rng';

const gzip = promisify(gzipCb);

/**
 * Writes CloudTrail records as a trail delivers them to its S3 bucket:
 * `AWSLogs/[<org-id>/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz`,
 * each `{"Records":[...]}` gzipped, one file per account and region for every 5 minutes with
 * activity (so quiet regions make many small files and busy ones a few large files). The file's
 * time is its delivery time, the end of its 5 minutes, as in a real trail's names.
 *
 * Records should come in eventTime order (the demo generator's order): a 5-minute window is
 * written out as soon as a later one starts, so memory holds one window, not the whole run.
 */
export interface ArchiveOptions {
  outDir: string;
  /** Adds the organization trail's level: `AWSLogs/<orgId>/<account>/...`. */
  orgId?: string;
  /** Seeds the random part of the file names (default 42). */
  seed?: number;
  /** Called after each file with the totals so far. */
  onFile?: (progress: ArchiveSummary) => void;
}

export interface ArchiveSummary {
  files: number;
  events: number;
  bytes: number;
}

const WINDOW_MS = 5 * 60_000;
/** Files compressed at once (zlib runs them on libuv's thread pool). */
const IN_FLIGHT = 4;
const NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export async function writeLogArchive(records: Iterable<Record<string, unknown>>, opts: ArchiveOptions): Promise<ArchiveSummary> {
  const rng = new Rng((opts.seed ?? 42) + 0x4c06); // not the generator's own stream
  const summary: ArchiveSummary = { files: 0, events: 0, bytes: 0 };
  const groups = new Map<string, { window: number; account: string; region: string; records: Record<string, unknown>[] }>();
  const inFlight = new Set<Promise<void>>();
  const madeDirs = new Set<string>();
  let current = -Infinity;

  const write = async (g: { window: number; account: string; region: string; records: Record<string, unknown>[] }) => {
    const delivered = new Date((g.window + 1) * WINDOW_MS).toISOString(); // 2026-11-01T12:05:00.000Z
    const [y, m, d] = delivered.slice(0, 10).split('-');
    const stamp = `${y}${m}${d}T${delivered.slice(11, 13)}${delivered.slice(14, 16)}Z`;
    const dir = path.join(opts.outDir, 'AWSLogs', ...(opts.orgId ? [opts.orgId] : []), g.account, 'CloudTrail', g.region, y, m, d);
    const name = `${g.account}_CloudTrail_${g.region}_${stamp}_${Array.from({ length: 16 }, () => NAME_CHARS[rng.int(NAME_CHARS.length)]).join('')}.json.gz`;
    if (!madeDirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    const body = await gzip(JSON.stringify({ Records: g.records }));
    await fs.promises.writeFile(path.join(dir, name), body);
    summary.files++;
    summary.events += g.records.length;
    summary.bytes += body.length;
    opts.onFile?.({ ...summary });
  };
  const start = async (g: Parameters<typeof write>[0]) => {
    const p = write(g).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  const flushBefore = async (window: number) => {
    for (const [key, g] of groups) {
      if (g.window >= window) continue;
      groups.delete(key);
      await start(g);
    }
  };

  for (const r of records) {
    const t = Date.parse(String(r.eventTime));
    if (!Number.isFinite(t)) throw new Error(`record ${String(r.eventID)} has no valid eventTime`);
    const window = Math.floor(t / WINDOW_MS);
    if (window > current) {
      await flushBefore(window);
      current = window;
    }
    const account = String(r.recipientAccountId ?? '123456789012');
    const region = String(r.awsRegion ?? 'us-east-1');
    const key = `${window}|${account}|${region}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { window, account, region, records: [] }));
    g.records.push(r);
  }
  await flushBefore(Infinity);
  await Promise.all(inFlight);
  return summary;
}

/** `count` demo events over the `days` days before `end`, written as a trail archive. */
export function writeDemoArchive(opts: ArchiveOptions & { count: number; days: number; end?: Date }): Promise<ArchiveSummary> {
  if (!(opts.days > 0)) throw new RangeError(`days must be a positive number, got ${opts.days}`);
  const end = opts.end ?? new Date();
  const start = new Date(end.getTime() - opts.days * 86_400_000);
  return writeLogArchive(generateEvents({ count: opts.count, start, end, seed: opts.seed }), opts);
}
