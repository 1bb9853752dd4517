import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CreateEventDataStoreCommand, GetImportCommand, StartImportCommand } from '@aws-sdk/client-cloudtrail';
import { pathToFileURL } from 'node:url';
import { Lake } from '../lib/lake/lake';
import { parseFetched } from '../lib/lake/imports/pipeline';
import type { ReadResult } from '../lib/lake/imports/sources';
import { viewFieldsFor } from '../lib/lake/imports/scan-plan';
import { writeDemoArchive } from '../lib/lake/demo/archive';
import { serveLake } from './http-lake';
import { apiClient } from './measure';
import { fmt } from './sections';

const TARGET_EVENTS_PER_S = 50_000;
const DAYS = 30;

export interface ImportBench {
  events: number;
  files: number;
  archiveBytes: number;
  floorSeconds: number;
  importSeconds: number;
  /** Process CPU time (every thread: server, client, DuckDB, the reader thread) from StartImport to COMPLETED. */
  importCpuSeconds: number;
  eventsCompleted: number;
  failedEntries: number;
  archiveBuiltAt: string;
  stages: StageCost[];
}

/** One stage of an import, run alone over one archive day: wall and CPU time per event. */
interface StageCost {
  stage: string;
  events: number;
  wallMs: number;
  cpuMs: number;
}

interface ArchiveMeta {
  events: number;
  files: number;
  bytes: number;
  builtAt: string;
}

/** The demo archive for `events` events (a trail's layout, 30 days), built once and kept in .tmp/. */
async function archive(events: number, log: (s: string) => void): Promise<{ dir: string; meta: ArchiveMeta }> {
  const dir = path.resolve('.tmp', `bench-archive-${events}`);
  const metaFile = path.join(dir, 'archive.json');
  if (fs.existsSync(metaFile)) return { dir, meta: JSON.parse(fs.readFileSync(metaFile, 'utf8')) as ArchiveMeta };
  fs.rmSync(dir, { recursive: true, force: true });
  log(`writing a ${events.toLocaleString('en-US')}-event trail archive (${DAYS} days) to ${path.relative(process.cwd(), dir)}/`);
  const s = await writeDemoArchive({ outDir: path.join(dir, 'logs'), count: events, days: DAYS, seed: 42 });
  const meta = { events: s.events, files: s.files, bytes: s.bytes, builtAt: new Date().toISOString() };
  fs.writeFileSync(metaFile, JSON.stringify(meta));
  return { dir, meta };
}

function logFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.json.gz')) out.push(path.join(e.parentPath, e.name));
  return out;
}

/**
 * Import throughput end to end (StartImport → COMPLETED through the CloudTrail API, into a fresh
 * lake) beside the floor: decompressing and JSON-parsing the same files in one process.
 */
export async function benchImport(events: number, log: (s: string) => void): Promise<ImportBench> {
  const { dir, meta } = await archive(events, log);
  const source = path.join(dir, 'logs');

  const files = logFiles(source);
  // Both sides read the files from the page cache: the floor is the CPU cost of decoding them, not the disk's speed.
  for (const f of files) fs.readFileSync(f);
  log('floor: gunzip + JSON.parse of every file, one process');
  const t0 = performance.now();
  let parsed = 0;
  for (const f of files) parsed += (JSON.parse(gunzipSync(fs.readFileSync(f)).toString('utf8')) as { Records: unknown[] }).Records.length;
  const floorSeconds = (performance.now() - t0) / 1000;
  if (parsed !== meta.events) throw new Error(`the archive holds ${parsed} events, expected ${meta.events}`);

  const dataDir = path.resolve('.tmp', 'bench-import-lake');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012', importRoots: [source] });
  const server = await serveLake(lake);
  const client = apiClient(lake, server.endpoint);
  try {
    // management and data events: the store keeps every event of the archive
    const store = await client.send(
      new CreateEventDataStoreCommand({
        Name: 'import-bench',
        RetentionPeriod: 3653,
        TerminationProtectionEnabled: false,
        AdvancedEventSelectors: [{ Name: 'Management and data events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
      }),
    );
    log(`import: StartImport file://${source} → COMPLETED`);
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    const { ImportId } = await client.send(
      new StartImportCommand({
        Destinations: [store.EventDataStoreArn!],
        ImportSource: { S3: { S3LocationUri: `file://${source}`, S3BucketRegion: 'us-east-1', S3BucketAccessRoleArn: 'arn:aws:iam::123456789012:role/bench' } },
      }),
    );
    for (;;) {
      const g = await client.send(new GetImportCommand({ ImportId }));
      if (g.ImportStatus === 'COMPLETED' || g.ImportStatus === 'FAILED' || g.ImportStatus === 'STOPPED') {
        const importSeconds = (performance.now() - t1) / 1000;
        const used = process.cpuUsage(cpu1);
        const importCpuSeconds = (used.user + used.system) / 1e6;
        if (g.ImportStatus !== 'COMPLETED') throw new Error(`import ended ${g.ImportStatus}`);
        const st = g.ImportStatistics ?? {};
        if (Number(st.EventsCompleted) !== meta.events) throw new Error(`the import stored ${st.EventsCompleted} events of ${meta.events}`);
        const stages = await stageCosts(lake, source, log);
        return {
          events: meta.events,
          files: meta.files,
          archiveBytes: meta.bytes,
          floorSeconds,
          importSeconds,
          importCpuSeconds,
          eventsCompleted: Number(st.EventsCompleted ?? 0),
          failedEntries: Number(st.FailedEntries ?? 0),
          archiveBuiltAt: meta.builtAt,
          stages,
        };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    client.destroy();
    await server.close();
    lake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Where an import's CPU goes: the stages one after another, alone, over the files of the
 * archive's middle day, into a fresh store. Their CPU per event bounds what two cores can do.
 */
async function stageCosts(lake: Lake, source: string, log: (s: string) => void): Promise<StageCost[]> {
  const days = [...new Set(logFiles(source).map((f) => f.split(path.sep).slice(-4, -1).join('/')))].sort();
  const day = days[Math.floor(days.length / 2)];
  log(`import stages over the files of ${day}`);
  const files = logFiles(source).filter((f) => f.includes(`${path.sep}${day.replaceAll('/', path.sep)}${path.sep}`));
  const store = lake.stores.create({ name: 'import-stages', retentionPeriod: 3653 });
  const out: StageCost[] = [];
  const stage = async <T>(name: string, run: () => T | Promise<T>, count: (r: T) => number): Promise<T> => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const r = await run();
    const used = process.cpuUsage(cpu);
    out.push({ stage: name, events: count(r), wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 });
    return r;
  };
  const logSource = lake.sources.open(pathToFileURL(source).href, { shape: store.shape });
  let fetched: ReadResult[];
  try {
    // as the import does: chunks of files, on the reader thread
    fetched = await stage(
      'read: read, gunzip, find, check and hash the records (reader thread)',
      async () => (await Promise.all(chunked(files, 16).map((c) => logSource.fetch(c)))).flat(),
      (r) => r.reduce((n, f) => n + (f.spans?.length ?? 0) / (f.stride ?? 3), 0),
    );
  } finally {
    logSource.close();
  }
  const viewFields = viewFieldsFor(store.advancedEventSelectors);
  const parsed = await stage(
    'parse: JSON.parse of the records not checked, a view of the others (main thread)',
    () => fetched.map((f) => parseFetched(f, viewFields)),
    (r) => r.reduce((n, f) => n + f.records.length, 0),
  );
  const spooled = await stage(
    'spool: check, respell, spool lines (main thread)',
    () => lake.spooler(store.id).fillWith((s) => parsed.forEach((f, i) => s.add(f, fetched[i].file))),
    (s) => s.total,
  );
  await stage(
    'commit: DuckDB reads, maps, writes Parquet; manifest (writer instance)',
    () => lake.commitEvents(store.id, spooled),
    (r) => r.added,
  );
  return out;
}

export function importSection(r: ImportBench): string {
  const rate = r.eventsCompleted / r.importSeconds;
  const floor = r.events / r.floorSeconds;
  return [
    '## Built-in lake: import throughput',
    '',
    `Measured by \`npm run bench\` (\`bench/import.ts\`; \`--import-events N\`, default 1,000,000; \`--no-import\` skips it). The archive is the demo generator's events written as a trail writes them (\`lib/lake/demo/archive.ts\`: \`AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz\`, one file per account and region per 5 minutes, ${DAYS} days), kept in \`.tmp/bench-archive-<N>/\` once written (${r.archiveBuiltAt.slice(0, 16)}Z). *Import* is StartImport with a \`file://\` source to GetImport reporting COMPLETED, through the CloudTrail API (real HTTP, the AWS SDK), into a fresh lake; *floor* is decompressing and JSON-parsing the same files in one process and doing nothing else. Both read the files from the page cache: one untimed pass reads them all first, so neither measures the disk. The import does not JSON.parse every record: its reader thread checks each one against the store's schema while finding it (\`lib/lake/imports/record-spans.ts\`), and a record it vouches for (valid JSON, schema keys spelled as the schema spells them) is stored from its bytes, with only its ID, time and selector fields read; the rest are parsed.`,
    '',
    '| Measure | Value |',
    '|---|---:|',
    `| Archive | ${fmt(r.events)} events in ${fmt(r.files)} files, ${fmt(r.archiveBytes / 1024 / 1024, 1)} MB gzipped |`,
    `| Floor (gunzip + JSON.parse, one process) | ${fmt(r.floorSeconds, 1)} s = ${fmt(floor)} events/s |`,
    `| Import, StartImport → COMPLETED | ${fmt(r.importSeconds, 1)} s = ${fmt(rate)} events/s (${fmt(r.eventsCompleted)} events stored, ${fmt(r.failedEntries)} failed entries) |`,
    `| Import CPU (all threads) | ${fmt(r.importCpuSeconds, 1)} s = ${fmt((r.importCpuSeconds * 1e6) / r.eventsCompleted, 1)} µs per event; ${fmt(r.importCpuSeconds / r.importSeconds, 2)} cores busy on average |`,
    `| Import ÷ floor | ${(rate / floor).toFixed(2)} |`,
    '',
    '| Target | Result |',
    '|---|---|',
    `| ≥ ${fmt(TARGET_EVENTS_PER_S)} events/s | ${fmt(rate)} events/s: **${rate >= TARGET_EVENTS_PER_S ? 'PASS' : 'FAIL'}** |`,
    `| never below a third of the floor | ${(rate / floor).toFixed(2)} of the floor: **${rate >= floor / 3 ? 'PASS' : 'FAIL'}** |`,
    '',
    `Where the CPU goes: each stage run alone over one archive day (${fmt(r.stages[0]?.events ?? 0)} events; \`process.cpuUsage\`, which counts DuckDB's threads too). CPU time per event, summed, bounds what the machine's two cores can import even with every stage overlapped perfectly; but run alone each stage holds the whole day in memory, which costs more garbage collection than the import's streaming, so the bound is loose.`,
    '',
    '| Stage | Wall | CPU | CPU per event |',
    '|---|---:|---:|---:|',
    ...r.stages.map((s) => `| ${s.stage} | ${fmt(s.wallMs)} ms | ${fmt(s.cpuMs)} ms | ${fmt((s.cpuMs * 1000) / s.events, 1)} µs |`),
    `| All stages | ${fmt(sum(r.stages, 'wallMs'))} ms | ${fmt(sum(r.stages, 'cpuMs'))} ms | ${fmt(perEvent(r.stages), 1)} µs → at most ${fmt(2e6 / perEvent(r.stages))} events/s on 2 cores |`,
  ].join('\n');
}

const chunked = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const sum = (stages: StageCost[], k: 'wallMs' | 'cpuMs') => stages.reduce((n, s) => n + s[k], 0);
const perEvent = (stages: StageCost[]) => stages.reduce((n, s) => n + (s.cpuMs * 1000) / s.events, 0);
