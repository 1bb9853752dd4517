import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Lake } from '../lib/lake/lake';
import type { DatasetMeta } from './dataset';
import type { CommonBreakdown } from './diagnose';
import { median, quantile, POLL_MS, PAGE_SIZE } from './measure';
import type { QueryResult } from './run';

export interface Machine {
  cpus: number;
  cpuModel: string;
  ramGb: number;
  os: string;
  node: string;
  duckdb: string;
  duckdbThreads: string;
  nodeApi: string;
  sdk: string;
  loadavg: number[];
}

export interface BenchResults {
  args: { events: number; reps: number; warmup: number; only?: string[] };
  meta: DatasetMeta;
  fresh: boolean;
  day: string;
  results: QueryResult[];
  common?: CommonBreakdown;
  machine: Machine;
  /** os.loadavg() before the dataset was opened; machine.loadavg is at the end. */
  loadAtStart: number[];
  date: Date;
}

const REPORT = path.resolve('docs', 'benchmarks.md');
const KEEP_MARKER = '<!-- kept by npm run bench: workbench measurements -->';
const TARGET_RATIO = 1.25;
const TARGET_DAY_MS = 100;
const TARGET_SCAN_MS = 300;
const TARGET_BYTES = 20;
const TARGET_EVENTS = 10_000_000;

export async function machineInfo(lake: Lake): Promise<Machine> {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const con = await lake.engine.connect();
  try {
    const [[version, source]] = (await con.runAndReadAll('SELECT library_version, source_id FROM pragma_version()')).getRows();
    const [[threads]] = (await con.runAndReadAll(`SELECT current_setting('threads')`)).getRows();
    return {
      cpus: os.availableParallelism(),
      cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown',
      ramGb: os.totalmem() / 2 ** 30,
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      duckdb: `${version} (${source})`,
      duckdbThreads: String(threads),
      nodeApi: packageVersion('@duckdb/node-api'),
      sdk: packageVersion('@aws-sdk/client-cloudtrail'),
      loadavg: os.loadavg(),
    };
  } finally {
    con.closeSync();
  }
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.resolve('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Per-query medians and the suite totals. */
function summarize(b: BenchResults) {
  const rows = b.results.map((r) => {
    const api = r.api.map((a) => a.totalMs);
    const last = r.api[r.api.length - 1];
    return {
      r,
      apiMed: median(api),
      apiP90: quantile(api, 0.9),
      dbMed: median(r.baselineMs),
      dbP90: quantile(r.baselineMs, 0.9),
      startMed: median(r.api.map((a) => a.startMs)),
      waitMed: median(r.api.map((a) => a.waitMs)),
      fetchMed: median(r.api.map((a) => a.fetchMs)),
      execMed: median(r.api.map((a) => a.executionMs)),
      polls: median(r.api.map((a) => a.polls)),
      pages: last.pages,
      bytes: last.bytesScanned,
      events: last.eventsScanned,
      startHandler: median(r.handlerMs.StartQuery ?? []),
      describeHandler: median(r.handlerMs.DescribeQuery ?? []),
      pageHandler: median(r.handlerMs.GetQueryResults ?? []),
      cpuMed: median(r.api.map((a) => a.cpuMs)),
      dbCpuMed: median(r.baselineCpuMs),
    };
  });
  const apiTotal = rows.reduce((n, x) => n + x.apiMed, 0);
  const dbTotal = rows.reduce((n, x) => n + x.dbMed, 0);
  return { rows, apiTotal, dbTotal };
}

const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
const num = (x: number) => x.toLocaleString('en-US');
const mb = (x: number) => `${(x / 1e6).toFixed(x < 1e7 ? 2 : 1)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export function printSummary(b: BenchResults): void {
  const s = summarize(b);
  console.log('');
  console.table(
    Object.fromEntries(
      s.rows.map((x) => [
        x.r.query.id,
        {
          rows: x.r.baselineRows,
          'API med': +x.apiMed.toFixed(1),
          'API p90': +x.apiP90.toFixed(1),
          'DuckDB med': +x.dbMed.toFixed(1),
          'DuckDB p90': +x.dbP90.toFixed(1),
          ratio: +(x.apiMed / x.dbMed).toFixed(2),
          start: +x.startMed.toFixed(1),
          wait: +x.waitMed.toFixed(1),
          exec: x.execMed,
          fetch: +x.fetchMed.toFixed(1),
          polls: x.polls,
        },
      ]),
    ),
  );
  console.log(`suite: API ${s.apiTotal.toFixed(1)} ms, DuckDB ${s.dbTotal.toFixed(1)} ms, ratio ${(s.apiTotal / s.dbTotal).toFixed(2)}×`);
  for (const t of targets(b)) console.log(`target ${t.verdict.padEnd(6)} ${t.name}: ${t.measured}`);
}

interface Target {
  name: string;
  measured: string;
  verdict: 'PASS' | 'FAIL' | 'n/a';
}

function targets(b: BenchResults): Target[] {
  const s = summarize(b);
  const out: Target[] = [];
  if (s.rows.length === benchQueryCount(b)) {
    const r = s.apiTotal / s.dbTotal;
    out.push({
      name: `Suite total (sum of medians) within ${TARGET_RATIO}× of DuckDB`,
      measured: `${ms(s.apiTotal)} ms vs ${ms(s.dbTotal)} ms = ${r.toFixed(2)}×`,
      verdict: r <= TARGET_RATIO ? 'PASS' : 'FAIL',
    });
  }
  const full = s.rows.find((x) => x.r.query.kind === 'full-scan');
  const scale = b.meta.events >= TARGET_EVENTS;
  const notAt = `not evaluated: this run has ${num(b.meta.events)} events (run with --events ${TARGET_EVENTS})`;
  for (const x of s.rows.filter((y) => y.r.query.kind === 'one-day')) {
    const w = x.r.widened;
    if (w) {
      const frac = x.bytes / w.bytesScanned;
      out.push({
        name: `BytesScanned of ${x.r.query.id} < 1/${TARGET_BYTES} of the same query over all days`,
        measured: `${mb(x.bytes)} vs ${mb(w.bytesScanned)} = 1/${(1 / frac).toFixed(1)}`,
        verdict: frac < 1 / TARGET_BYTES ? 'PASS' : 'FAIL',
      });
    }
    out.push({
      name: `At 10M events, ${x.r.query.id} median ≤ ${TARGET_DAY_MS} ms`,
      measured: `${ms(x.apiMed)} ms${scale ? '' : `; ${notAt}`}`,
      verdict: scale ? (x.apiMed <= TARGET_DAY_MS ? 'PASS' : 'FAIL') : 'n/a',
    });
  }
  if (full)
    out.push({
      name: `At 10M events, ${full.r.query.id} median ≤ ${TARGET_SCAN_MS} ms`,
      measured: `${ms(full.apiMed)} ms${scale ? '' : `; ${notAt}`}`,
      verdict: scale ? (full.apiMed <= TARGET_SCAN_MS ? 'PASS' : 'FAIL') : 'n/a',
    });
  return out;
}

/** The suite total is only meaningful for the whole suite (not an --only subset). */
function benchQueryCount(b: BenchResults): number {
  return b.args.only ? -1 : b.results.length;
}

export function writeReport(b: BenchResults): string {
  const s = summarize(b);
  const { meta, machine: m } = b;
  const ing = meta.ingest;
  const L: string[] = [];
  const table = (head: string[], body: (string | number)[][], numeric = true) => {
    L.push(`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i === 0 || !numeric ? '---' : '---:')).join('|')}|`);
    for (const row of body) L.push(`| ${row.join(' | ')} |`);
    L.push('');
  };

  L.push(
    '# Benchmarks',
    '',
    'The built-in lake measured through its CloudTrail API (real HTTP, the AWS SDK), against the same SQL run directly on DuckDB over the same Parquet files in the same run. This file is rewritten by every `npm run bench`; the results below are from the latest run.',
    '',
  );
  L.push(
    '## How to run',
    '',
    '```sh',
    'npm run bench                        # 1,000,000 events (the default)',
    'npm run bench -- --events 100000     # a quick run',
    'npm run bench -- --events 10000000   # the size the latency targets are set for',
    '```',
    '',
  );
  L.push(
    "Other options: `--reps R` (timed repetitions, default 21), `--warmup W` (default 3), `--only id,id` (a subset of the queries; no suite total), `--no-diagnose` (skip the stage breakdown), `--no-doc` (print only; keep this file), `--no-export`, `--import-events N` (default 1,000,000) or `--no-import`, `--no-render`, `--no-isolation` (skip the export, import, browser and isolation sections below; each rewrites only its own section), `--only-isolation` (only the isolation section). The generated lake is kept in `.tmp/bench-<N>/` and reused by later runs with the same `--events`; delete the directory to regenerate (the bounded queries use days of the generated window, so a cached dataset stays valid). Close other work first: the machine's load shows in every number, although it falls on both sides of each ratio.",
    '',
  );

  L.push('## Latest run', '');
  table(
    ['', ''],
    [
      ['Date', b.date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC'],
      ['CPU', `${m.cpuModel}, ${m.cpus} cores (\`nproc\`); DuckDB threads ${m.duckdbThreads}`],
      ['RAM', `${m.ramGb.toFixed(1)} GiB`],
      ['OS', m.os],
      ['Node.js', m.node],
      ['DuckDB', `${m.duckdb}, @duckdb/node-api ${m.nodeApi}`],
      ['AWS SDK', `@aws-sdk/client-cloudtrail ${m.sdk}`],
      [
        'Load average (1, 5, 15 min)',
        `${b.loadAtStart.map((x) => x.toFixed(2)).join(', ')} at the start; ${m.loadavg.map((x) => x.toFixed(2)).join(', ')} at the end`,
      ],
      [
        'Dataset',
        `${num(meta.added)} events${meta.replicatedFrom ? `: the ${num(meta.replicatedFrom)} events of \`generateEvents\` (seed 42), each row ${Math.round(meta.events / meta.replicatedFrom)}× with fresh eventIDs and the same times,` : ' from \`generateEvents\` (seed 42),'} ${meta.start.slice(0, 16)}Z – ${meta.end.slice(0, 16)}Z; ${meta.files} Parquet files, ${mb(meta.parquetBytes)}`,
      ],
      meta.replicatedFrom
        ? ['Built', `by replication, straight to Parquet with DuckDB, in ${(ing.totalMs / 1000).toFixed(1)} s (not an ingest measurement)`]
        : [
            'Ingest',
            `${(ing.totalMs / 1000).toFixed(1)} s = ${num(Math.round(meta.events / (ing.totalMs / 1000)))} events/s (generator ${(ing.generateMs / 1000).toFixed(1)} s, normalise + spool ${(ing.spoolMs / 1000).toFixed(1)} s, Parquet ${(ing.parquetMs / 1000).toFixed(1)} s)${b.fresh ? '' : `; measured when the cached dataset was built, ${meta.builtAt.slice(0, 16)}Z`}`,
          ],
      ...(meta.events < TARGET_EVENTS
        ? [
            [
              '10M estimate',
              `building ${num(TARGET_EVENTS)} events at this rate would take about ${Math.round(((TARGET_EVENTS / meta.events) * ing.totalMs) / 60_000)} min` +
                (meta.spoolBytes
                  ? ` and about ${(((TARGET_EVENTS / meta.events) * meta.spoolBytes) / 1e9).toFixed(0)} GB of temporary spool disk (this dataset needed ${(meta.spoolBytes / 1e9).toFixed(1)} GB) besides ${(((TARGET_EVENTS / meta.events) * meta.parquetBytes) / 1e9).toFixed(1)} GB of Parquet`
                  : ''),
            ],
          ]
        : []),
      ['Bounded queries', `day ${b.day}; week ${b.results.find((r) => r.query.kind === 'week') ? 'the 7 days ending with it' : '–'}`],
      ['Repetitions', `${b.args.warmup} warm-up + ${b.args.reps} timed per query and side`],
    ],
    false,
  );

  L.push(
    '## Results',
    '',
    'Wall-clock milliseconds per query. **API**: StartQuery → DescribeQuery every ' +
      `${POLL_MS} ms until FINISHED → every GetQueryResults page (${PAGE_SIZE} rows). **DuckDB**: the translated SQL on a warm connection, every chunk fetched. Ratio = API median / DuckDB median.`,
    '',
  );
  table(
    ['Query', 'Rows', 'Pages', 'API median', 'API p90', 'DuckDB median', 'DuckDB p90', 'Ratio', 'API − DuckDB'],
    [
      ...s.rows.map((x) => [
        `\`${x.r.query.id}\` ${x.r.query.title}`,
        num(x.r.baselineRows),
        x.pages,
        ms(x.apiMed),
        ms(x.apiP90),
        ms(x.dbMed),
        ms(x.dbP90),
        ratio(x.apiMed, x.dbMed),
        ms(x.apiMed - x.dbMed),
      ]),
      [
        '**Suite total** (sum of medians)',
        '',
        '',
        `**${ms(s.apiTotal)}**`,
        '',
        `**${ms(s.dbTotal)}**`,
        '',
        `**${ratio(s.apiTotal, s.dbTotal)}**`,
        ms(s.apiTotal - s.dbTotal),
      ],
    ],
  );
  L.push(
    'What each query reads, from DescribeQuery (*Files*: Parquet files in the translated SQL). For the one-day queries, the same statement with a window over every day of the data is run once, untimed, to show what the day window saves.',
    '',
  );
  const full = s.rows.find((x) => x.r.query.kind === 'full-scan');
  const scanRows: (string | number)[][] = [];
  for (const x of s.rows) {
    scanRows.push([`\`${x.r.query.id}\``, x.r.files, num(x.events), mb(x.bytes), full ? `${(x.bytes / full.bytes).toFixed(2)}×` : '']);
    const w = x.r.widened;
    if (w)
      scanRows.push([
        `\`${x.r.query.id}\` over every day`,
        w.files,
        num(w.eventsScanned),
        mb(w.bytesScanned),
        full ? `${(w.bytesScanned / full.bytes).toFixed(2)}×` : '',
      ]);
  }
  table(['Query', 'Files', 'EventsScanned', 'BytesScanned', full ? `vs \`${full.r.query.id}\`` : ''], scanRows);
  const twoDays = s.rows.filter((x) => x.r.query.kind !== 'week' && x.r.query.kind !== 'full-scan' && x.r.files > 1);
  if (twoDays.length) {
    L.push(
      `Note: ${twoDays.map((x) => `\`${x.r.query.id}\``).join(', ')} read${twoDays.length === 1 ? 's' : ''} ${twoDays[0].r.files} files for a one-day window: the lake stores a day that arrives with more than 16,000 events as one file per half-day (\`SPLIT_RECORDS\` in \`lib/lake/ingest/write-events.ts\`), so the window reads both halves of ${b.day} and no file of the days around it.`,
      '',
    );
  }

  L.push('## Targets', '');
  table(
    ['Target', 'Measured', 'Result'],
    targets(b).map((t) => [t.name, t.measured, t.verdict === 'n/a' ? 'n/a' : `**${t.verdict}**`]),
    false,
  );
  L.push(
    'BytesScanned counts the compressed bytes of every column a query names, in the files it reads. The full scan names only eventName, a small dictionary-encoded column, so a one-day query that names wider columns, or just eventTime for its window, can read more than 1/20 of it even when it reads a single file; so the BytesScanned target compares each one-day query with itself over all days, which isolates what the day window saves.',
    '',
  );

  L.push('## Where the API path spends its time', '');
  L.push(
    "Medians of the timed runs, ms. API time = *StartQuery* round trip + *Wait* (from its answer to the DescribeQuery that saw FINISHED) + *Fetch* (every GetQueryResults page), so API − DuckDB = StartQuery + (Wait − Exec) + (Exec − DuckDB) + Fetch, where *Exec* is the lake's ExecutionTimeInMillis (stream the bound statement, convert and format rows, write the results file; it starts inside the StartQuery handler, so it overlaps the StartQuery round trip). A DescribeQuery on a running query answers when the query ends or after 100 ms, so *polls* is usually 1. Figures in parentheses are time inside `handleLakeRequest`. *CPU* is process CPU time (all threads) per run.",
    '',
  );
  table(
    ['Query', 'API', 'DuckDB', 'API − DuckDB', 'StartQuery (handler)', 'Wait − Exec (polls)', 'Exec − DuckDB', 'Fetch (handler/page)', 'CPU API / DuckDB'],
    s.rows.map((x) => [
      `\`${x.r.query.id}\``,
      ms(x.apiMed),
      ms(x.dbMed),
      ms(x.apiMed - x.dbMed),
      `${ms(x.startMed)} (${ms(x.startHandler)})`,
      `${ms(x.waitMed - x.execMed)} (${x.polls})`,
      ms(x.execMed - x.dbMed),
      `${ms(x.fetchMed)} (${ms(x.pageHandler)})`,
      `${ms(x.cpuMed)} / ${ms(x.dbCpuMed)}`,
    ]),
  );
  if (s.rows.some((x) => x.r.breakdown)) {
    L.push(
      "The same stages rebuilt in-process with the lake's modules, one at a time with nothing else running (medians of 9, ms). *prepare* = `lake.prepare()`: *parse* (Trino grammar) + translation + file selection + *bindCheck* (a DuckDB prepare on its own connection). The execute loop of `QueryManager` taken apart, each stage timed on its own: *engine* = connect + stream + fetch every chunk (what the baseline does), then on the fetched chunks *getRows* (values read column by column out of the vectors of the chunks, as `chunkRowCells` does), *formatCell* on every cell, and the *results file* (`ResultsWriter.append` + `close`: each row written in the wire form of GetQueryResults). That is the path of aggregates and other small results; a listing takes the *wire path* instead (`wireRowsSql`: the statement bound again wrapped so that DuckDB formats each row in wire form, streamed, one string per row read and written), which is what its execution costs beside *engine*. *read pages* = `lake.queries.pageJson()` for every page; *results op* = the GetQueryResults operation + serialising its answer (the stored rows are spliced in, not re-encoded) for every page.",
      '',
    );
    table(
      ['Query', 'prepare', 'parse', 'bindCheck', 'engine', 'getRows', 'formatCell', 'results file', 'wire path', 'read pages', 'results op'],
      s.rows
        .filter((x) => x.r.breakdown)
        .map((x) => {
          const d = x.r.breakdown!;
          return [
            `\`${x.r.query.id}\``,
            ms(d.prepareMs),
            ms(d.parseMs),
            ms(d.bindCheckMs),
            ms(d.fetchMs),
            ms(d.getRowsMs),
            ms(d.formatMs),
            ms(d.writeMs),
            ms(d.wireMs),
            ms(d.readPagesMs),
            ms(d.resultsOpMs),
          ];
        }),
    );
  }
  if (b.common) {
    const c = b.common;
    L.push(
      `Whatever the SQL: persisting a query record (\`writeFileAtomic\` without fsync: write and rename; off the request path, once when the query is queued, once when it finishes) ${ms(c.persistMs)} ms in isolation; verifying one SigV4 signature ${c.sigv4Ms.toFixed(2)} ms; a DescribeQuery round trip ${ms(c.describeRttMs)} ms, of which ${ms(c.describeHandlerMs)} ms inside the handler (the rest is the SDK and HTTP on one event loop).`,
      '',
    );
    L.push(`Synchronous filesystem calls on the event loop per API query (\`${c.syncFsQuery}\`, 15 runs):`, '');
    table(
      ['Call', 'Calls per query', 'ms per query'],
      c.syncFs.map((f) => [`\`fs.${f.call}\``, f.calls.toFixed(1), f.ms.toFixed(2)]),
    );
  }

  L.push('## Method', '');
  L.push(
    `- **Data.** \`generateEvents({count, start, end, seed: 42})\` over the 30 days ending when the dataset was built, appended with \`lake.appendEvents()\` to a new store of a lake opened with \`Lake.open()\` in a fresh directory (built under a temporary name, renamed to \`.tmp/bench-<N>/\` when complete). The lake's query results directory is emptied at the start of every run. Ingest time covers the whole \`appendEvents\` call; the generator's share is the time spent inside it, and the Parquet share is the time after the last record was read.`,
    `- **Serving.** A \`node:http\` server (\`bench/http-lake.ts\`) on 127.0.0.1 passes method, path, query, lower-case headers and body to \`handleLakeRequest\` and writes its response, as \`app/lake/route.ts\` does inside Next.js. Client and server share one Node.js process (and its event loop); DuckDB runs on its own threads.`,
    `- **API side** (\`bench/measure.ts\`). \`@aws-sdk/client-cloudtrail\` with the lake's region, endpoint and key pair: StartQuery, DescribeQuery at once and then every ${POLL_MS} ms until FINISHED (the lake holds a DescribeQuery of a running query for up to 100 ms until it ends), then GetQueryResults with MaxQueryResults ${PAGE_SIZE} until there is no NextToken. Timed with \`performance.now()\` from just before StartQuery to the last page. SigV4 signing and verification are included.`,
    `- **Baseline.** The DuckDB SQL the lake runs for the statement (\`(await lake.prepare(sql)).translation.sql\`), on one connection from \`lake.engine.connect()\` opened before the query's runs and reused by all of them (DuckDB runs a statement markedly faster on a warm connection, and the lake keeps its connections warm too), with \`stream()\` and \`fetchChunk()\` until no rows, in the same process, against the same DuckDB instance and files. Timed from \`stream()\` to the last chunk. It does no translation, value conversion or results file.`,
    `- **Repetitions.** Per query, ${b.args.warmup} warm-up runs of each side, then ${b.args.reps} timed pairs; the pairs alternate which side goes first, so drift and background noise fall on both sides. Median and p90 (nearest rank) per side; the suite totals are sums of medians. Both sides must return the same number of rows, or the run fails.`,
    `- **Noise.** The machine is shared and small: compare ratios within one run rather than absolute times across runs.`,
    '',
  );
  L.push('### The queries', '');
  for (const r of b.results) L.push(`**\`${r.query.id}\`** — ${r.query.title}`, '', '```sql', r.query.sql.replace(meta.storeId, '<store ID>'), '```', '');
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  // Measurements made elsewhere (the workbench's, by Playwright) live after a marker and are kept.
  const old = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : '';
  const kept = old.includes(KEEP_MARKER) ? old.slice(old.indexOf(KEEP_MARKER)) : '';
  fs.writeFileSync(REPORT, L.join('\n') + (kept ? `\n${kept}` : ''));
  return REPORT;
}
