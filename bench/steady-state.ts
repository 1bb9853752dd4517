import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Lake } from '../lib/lake/lake';
import { writeDemoArchive } from '../lib/lake/demo/archive';
import { createStore } from '../lib/lake/stores/lifecycle';
import { verifyLake } from '../lib/lake/integrity/verify';
import { serveLake } from './http-lake';
import { apiClient, median, quantile, runApi } from './measure';
import { fmt } from './sections';
import { DAY_MS } from '../lib/util/time';

/**
 * Steady state of a live store: a trail's archive delivered 5 minutes at a time into a followed
 * directory, one follow check (one commit) per delivery, background compaction running as in
 * production; then the same files imported at once into a second store, the same queries
 * alternated on both through the CloudTrail API; then freshness with the follower on its timer.
 */
export interface SteadyOptions {
  events: number;
  days: number;
  reps: number;
  freshnessSamples: number;
  followIntervalMs: number;
}

export interface SteadyResult {
  opts: SteadyOptions;
  files: number;
  commits: number;
  commitMs: number[];
  checkMs: number[];
  /** The same deliveries committed, in one follow pass each, into the full live store and into a new empty one. */
  paired: { liveMs: number[]; emptyMs: number[] };
  ingestSeconds: number;
  compactionWaitSeconds: number;
  live: StoreShape;
  bulk: StoreShape;
  bulkImportSeconds: number;
  queries: { name: string; sql: string; liveMs: number[]; bulkMs: number[] }[];
  freshnessMs: number[];
  verifyProblems: number;
}

interface StoreShape {
  files: number;
  days: number;
  maxFilesPerDay: number;
  filesPerDay: number[];
  manifestBytes: number;
  events: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchSteadyState(opts: SteadyOptions, log: (s: string) => void): Promise<SteadyResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-steady-'));
  const staging = path.join(root, 'staging');
  const src = path.join(root, 'trail');
  const pairedSrc = path.join(root, 'paired-trail');
  fs.mkdirSync(pairedSrc);
  const end = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS); // whole days, ending yesterday
  log(`steady-state: writing ${fmt(opts.events)} events over ${opts.days} days as a trail archive (demo-data's layout)`);
  await writeDemoArchive({ outDir: staging, count: opts.events, days: opts.days, end, seed: 7 });
  const slots = deliveries(staging);
  // The timer is off while commits are driven one per delivery; the freshness phase runs its own.
  const lake = await Lake.open({
    dataDir: path.join(root, 'data'),
    region: 'us-east-1',
    accountId: '123456789012',
    followIntervalMs: 24 * 3_600_000,
    importRoots: [src, staging, pairedSrc],
  });
  const server = await serveLake(lake);
  const client = apiClient(lake, server.endpoint);
  try {
    const selectors = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }];
    const live = createStore(lake.stores, { Name: 'live', AdvancedEventSelectors: selectors, TerminationProtectionEnabled: false });
    lake.stores.save({ ...live, ingestionSource: { uri: pathToFileURL(src).href } });
    const commitMs: number[] = [];
    const timed = new Map<string, number[]>([[live.id, commitMs]]);
    const commit = lake.commitEvents.bind(lake);
    lake.commitEvents = async (id, spooled) => {
      const t = performance.now();
      try {
        return await commit(id, spooled);
      } finally {
        timed.get(id)?.push(performance.now() - t);
      }
    };
    const checkMs: number[] = [];
    const t0 = performance.now();
    let delivered = 0;
    for (const [i, files] of slots.entries()) {
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(src, f)), { recursive: true });
        fs.renameSync(path.join(staging, f), path.join(src, f));
      }
      delivered += files.length;
      const t = performance.now();
      await lake.follower.checkAll();
      checkMs.push(performance.now() - t);
      if ((i + 1) % 200 === 0)
        log(
          `  ${i + 1}/${slots.length} deliveries, ${fmt(delivered)} files, commit median ${fmt(median(commitMs.slice(-200)), 1)} ms, ${lake.storageStatus(live.id).Files} files in the store`,
        );
    }
    const ingestSeconds = (performance.now() - t0) / 1000;
    const state = lake.followStatus(live.id);
    if (state.LastError) throw new Error(`following failed: ${state.LastError}`);
    const tc = performance.now();
    await lake.compactor.idle();
    const compactionWaitSeconds = (performance.now() - tc) / 1000;
    const liveShape = shapeOf(lake, live.id); // its newest day still the one being written
    const paired = await pairedCommits(lake, live.id, timed, { src, emptySrc: pairedSrc, root, end, opts, selectors }, log);

    log('steady-state: the same files imported at once into a second store');
    const bulk = createStore(lake.stores, { Name: 'bulk', AdvancedEventSelectors: selectors, TerminationProtectionEnabled: false });
    const tb = performance.now();
    lake.imports.start({ store: bulk, source: { S3LocationUri: pathToFileURL(src).href } });
    await lake.imports.idle();
    const bulkImportSeconds = (performance.now() - tb) / 1000;
    await lake.compactor.idle();

    const lastDay = new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10);
    const nextDay = end.toISOString().slice(0, 10);
    const sqls = [
      {
        name: 'one day: GROUP BY eventName',
        sql: (id: string) =>
          `SELECT eventName, count(*) AS n FROM ${id} WHERE eventTime >= '${lastDay} 00:00:00' AND eventTime < '${nextDay} 00:00:00' GROUP BY eventName ORDER BY n DESC`,
      },
      { name: 'all days: GROUP BY eventName', sql: (id: string) => `SELECT eventName, count(*) AS n FROM ${id} GROUP BY eventName ORDER BY n DESC` },
      { name: 'all days: count(*)', sql: (id: string) => `SELECT count(*) FROM ${id}` },
    ];
    const queries: SteadyResult['queries'] = [];
    for (const q of sqls) {
      const r = { name: q.name, sql: q.sql('<store>'), liveMs: [] as number[], bulkMs: [] as number[] };
      await runApi(client, q.sql(live.id));
      await runApi(client, q.sql(bulk.id));
      for (let i = 0; i < opts.reps; i++) {
        const a = async () => r.liveMs.push((await runApi(client, q.sql(live.id))).totalMs);
        const b = async () => r.bulkMs.push((await runApi(client, q.sql(bulk.id))).totalMs);
        if (i % 2) await b().then(a);
        else await a().then(b);
      }
      const [la, lb] = [await runApi(client, q.sql(live.id)), await runApi(client, q.sql(bulk.id))];
      if (la.rows !== lb.rows) throw new Error(`${q.name}: ${la.rows} rows on the live store, ${lb.rows} on the bulk one`);
      queries.push(r);
      log(`  ${q.name}: live ${fmt(median(r.liveMs), 1)} ms, bulk ${fmt(median(r.bulkMs), 1)} ms`);
    }

    const freshnessMs = await measureFreshness(lake, live.id, src, opts, log);
    await lake.compactor.idle();
    return {
      opts,
      files: slots.reduce((n, s) => n + s.length, 0),
      commits: commitMs.length,
      commitMs,
      checkMs,
      paired,
      ingestSeconds,
      compactionWaitSeconds,
      live: liveShape,
      bulk: shapeOf(lake, bulk.id),
      bulkImportSeconds,
      queries,
      freshnessMs,
      verifyProblems: verifyLake(lake.dir).problems.length,
    };
  } finally {
    client.destroy();
    await server.close();
    lake.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Commit cost against store size with the machine's noise paired out: more deliveries of the
 * last day, each copied into the live store's source and a new empty store's, then one follow
 * pass that commits it into both, back to back.
 */
async function pairedCommits(
  lake: Lake,
  liveId: string,
  timed: Map<string, number[]>,
  at: { src: string; emptySrc: string; root: string; end: Date; opts: SteadyOptions; selectors: { FieldSelectors: { Field: string; Equals: string[] }[] }[] },
  log: (s: string) => void,
): Promise<SteadyResult['paired']> {
  const staging = path.join(at.root, 'paired-staging');
  const emptySrc = at.emptySrc;
  await writeDemoArchive({ outDir: staging, count: Math.round(at.opts.events / at.opts.days), days: 1, end: at.end, seed: 8 });
  const slots = deliveries(staging).slice(0, PAIRED_COMMITS);
  log(`steady-state: commit cost paired, ${slots.length} deliveries into the live store and an empty one`);
  const empty = createStore(lake.stores, { Name: 'empty', AdvancedEventSelectors: at.selectors, TerminationProtectionEnabled: false });
  lake.stores.save({ ...empty, ingestionSource: { uri: pathToFileURL(emptySrc).href } });
  const paired = { liveMs: [] as number[], emptyMs: [] as number[] };
  timed.set(liveId, paired.liveMs);
  timed.set(empty.id, paired.emptyMs);
  for (const files of slots) {
    for (const f of files) {
      for (const dir of [emptySrc, at.src]) fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.copyFileSync(path.join(staging, f), path.join(emptySrc, f));
      fs.renameSync(path.join(staging, f), path.join(at.src, f));
    }
    await lake.follower.checkAll();
  }
  await lake.compactor.idle();
  lake.stores.save({ ...lake.stores.get(empty.id)!, ingestionSource: undefined });
  return paired;
}

const PAIRED_COMMITS = 100;

/** The archive's files grouped by delivery (the 5-minute stamp in their names), in time order. */
function deliveries(dir: string): string[][] {
  const bySlot = new Map<string, string[]>();
  for (const rel of fs.readdirSync(dir, { recursive: true }).map(String)) {
    const m = /_(\d{8}T\d{4}Z)_[A-Za-z0-9]+\.json\.gz$/.exec(rel);
    if (!m) continue;
    bySlot.set(m[1], [...(bySlot.get(m[1]) ?? []), rel]);
  }
  return [...bySlot.keys()].sort().map((k) => bySlot.get(k)!);
}

/**
 * File landed → a query sees its events: the follower checks on its own timer (as the server's
 * does), files land at random moments, and a query polls until the new events are counted.
 */
async function measureFreshness(lake: Lake, storeId: string, src: string, opts: SteadyOptions, log: (s: string) => void): Promise<number[]> {
  log(`steady-state: freshness, ${opts.freshnessSamples} files landing at random moments, follower every ${opts.followIntervalMs / 1000} s`);
  const timer = setInterval(() => void lake.follower.checkAll(), opts.followIntervalMs);
  const out: number[] = [];
  try {
    for (let i = 0; i < opts.freshnessSamples; i++) {
      await sleep(Math.random() * opts.followIntervalMs);
      const stage = path.join(src, '..', `fresh-${i}`);
      const before = await countOf(lake, storeId);
      const { files } = await writeDemoArchive({ outDir: stage, count: 20, days: 1, end: new Date(), seed: 1000 + i });
      if (!files) continue;
      const moved = fs
        .readdirSync(stage, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.json.gz'));
      const landed = performance.now();
      for (const f of moved) {
        fs.mkdirSync(path.dirname(path.join(src, f)), { recursive: true });
        fs.renameSync(path.join(stage, f), path.join(src, f));
      }
      while ((await countOf(lake, storeId)) === before) await sleep(100);
      out.push(performance.now() - landed);
    }
  } finally {
    clearInterval(timer);
  }
  return out;
}

async function countOf(lake: Lake, storeId: string): Promise<number> {
  const q = await lake.startQuery(`SELECT count(*) FROM ${storeId}`);
  while (['QUEUED', 'RUNNING'].includes(lake.queries.get(q.queryId).status)) await sleep(5);
  return Number(lake.queries.page(q.queryId, 0, 1)[0][0]);
}

function shapeOf(lake: Lake, storeId: string): StoreShape {
  const s = lake.storageStatus(storeId);
  const filesPerDay = [...lake.files.days(storeId).values()].map((d) => d.length);
  return { files: s.Files, days: s.Days, maxFilesPerDay: s.MaxFilesPerDay, filesPerDay, manifestBytes: s.ManifestBytes, events: s.Events };
}

export function steadyStateSection(r: SteadyResult): string {
  const first = r.commitMs.slice(0, 100);
  const last = r.commitMs.slice(-100);
  const commitRatio = median(last) / median(first);
  const pairedRatio = median(r.paired.liveMs) / median(r.paired.emptyMs);
  const row = (q: SteadyResult['queries'][number]) => {
    const ratio = median(q.liveMs) / median(q.bulkMs);
    return `| ${q.name} | ${fmt(median(q.liveMs), 1)} | ${fmt(median(q.bulkMs), 1)} | ${fmt(ratio, 2)}× | ${ratio <= 1.2 ? 'met' : '**not met**'} |`;
  };
  const perFile = (s: StoreShape) => fmt(s.manifestBytes / Math.max(1, s.files));
  return [
    '## Steady state: a live store against a bulk import of the same events',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (\`bench/steady-state.ts\`; \`--no-steady\` skips it, \`--only-steady\` runs only it) on ${os.cpus().length} cores. ` +
      `${fmt(r.opts.events)} demo events over ${r.opts.days} whole days, written as \`npx trailbench demo-data\` writes them (${fmt(r.files)} trail files, one per account, region and 5 minutes), ` +
      `delivered 5 minutes at a time into a directory the store follows; after each delivery one follow check, i.e. one batch commit (${fmt(r.commits)} commits), ` +
      `with background compaction running as in production. Then the same files imported with one StartImport into a second store, and each query alternated ${r.opts.reps} times on the two through the CloudTrail API (HTTP, SigV4), medians.`,
    '',
    '| What | Result | Target |',
    '|---|---|---|',
    `| Commits | ${fmt(r.commits)} over ${fmt(r.ingestSeconds, 0)} s (one follow check each: median ${fmt(median(r.checkMs), 1)} ms, p95 ${fmt(quantile(r.checkMs, 0.95), 1)} ms) | |`,
    `| Commit time, first 100 → last 100 (median) | ${fmt(median(first), 1)} ms → ${fmt(median(last), 1)} ms (${fmt(commitRatio, 2)}×) | ≤ 1.5× (${commitRatio <= 1.5 ? 'met' : '**not met**'}) |`,
    `| Commit time, paired: the same ${fmt(r.paired.liveMs.length)} deliveries into the full live store vs a new empty one (median) | ${fmt(median(r.paired.liveMs), 1)} ms vs ${fmt(median(r.paired.emptyMs), 1)} ms (${fmt(pairedRatio, 2)}×) | ≤ 1.5× (${pairedRatio <= 1.5 ? 'met' : '**not met**'}) |`,
    `| Files per day, live store, compaction caught up after the last commit (the newest day still open) | max ${r.live.maxFilesPerDay} (${r.live.filesPerDay.join(', ')}) over ${r.live.days} days; compaction finished ${fmt(r.compactionWaitSeconds, 1)} s after it | ≤ 4 (${r.live.maxFilesPerDay <= 4 ? 'met' : '**not met**'}) |`,
    `| Files per day, bulk store | max ${r.bulk.maxFilesPerDay} (${r.bulk.filesPerDay.join(', ')}); import took ${fmt(r.bulkImportSeconds, 1)} s | |`,
    `| Manifest bytes per stored file | live ${perFile(r.live)} B (${fmt(r.live.manifestBytes)} B for ${r.live.files} files), bulk ${perFile(r.bulk)} B | bounded: one entry per file, one manifest per day |`,
    `| Freshness: file landed → counted by a query (follower every ${r.opts.followIntervalMs / 1000} s, ${r.freshnessMs.length} files) | p50 ${fmt(quantile(r.freshnessMs, 0.5) / 1000, 1)} s, p95 ${fmt(quantile(r.freshnessMs, 0.95) / 1000, 1)} s | p95 ≤ 60 s |`,
    `| \`npx trailbench verify\` after all of it | ${r.verifyProblems ? `**${r.verifyProblems} problems**` : 'clean'} | clean |`,
    '',
    '| Query | Live store (ms) | Bulk store (ms) | Live / bulk | ≤ 1.2× |',
    '|---|---:|---:|---:|---|',
    ...r.queries.map(row),
    '',
    `The first-100/last-100 ratio compares commits made minutes apart, so it also measures what else the machine was doing then; the paired row commits the same deliveries into both stores back to back, so the machine's load cancels and only the store's size differs.`,
    '',
    `Freshness at the default 30 s interval is that interval's wait (uniform, so p95 ≈ 28.5 s) plus the same commit: the measured run uses a ${r.opts.followIntervalMs / 1000} s interval to keep the bench short.`,
  ].join('\n');
}
