import fs from 'node:fs';
import path from 'node:path';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudtrail';
import { startExport } from '../lib/workbench/export';
import { waitFinished } from './measure';
import { fmt } from './sections';

export interface ExportBench {
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  heapPeakMb: number;
  resultSeconds: number;
  firstPageMs: number;
}

const MB = 1024 * 1024;

/**
 * The export of a whole result through the CloudTrail API, as GET /api/queries/{id}/export runs
 * it: server memory (RSS sampled every 20 ms, lake and exporter in this one process) and rows/s.
 */
export async function benchExport(client: CloudTrailClient, storeId: string, scratch: string): Promise<ExportBench> {
  fs.mkdirSync(scratch, { recursive: true });
  process.env.TRAILBENCH_DATA_DIR = scratch; // where export evidence is written

  // time to the first 1,000-row page, StartQuery to the page in hand
  const t0 = performance.now();
  const { QueryId: pageQuery } = await client.send(
    new StartQueryCommand({ QueryStatement: `SELECT eventTime, eventName, eventSource, sourceIPAddress FROM ${storeId} ORDER BY eventTime DESC LIMIT 1000` }),
  );
  await waitFinished(client, pageQuery!);
  await client.send(new GetQueryResultsCommand({ QueryId: pageQuery, MaxQueryResults: 1000 }));
  const firstPageMs = performance.now() - t0;

  const t1 = performance.now();
  const { QueryId } = await client.send(
    new StartQueryCommand({
      QueryStatement: `SELECT eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userIdentity.arn AS principal, errorCode, userAgent FROM ${storeId}`,
    }),
  );
  await waitFinished(client, QueryId!);
  const resultSeconds = (performance.now() - t1) / 1000;

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let heapPeak = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 20);
  const t2 = performance.now();
  let bytes = 0;
  let newlines = 0;
  try {
    const { stream } = await startExport(client, QueryId!, QueryId!, { format: 'csv', scope: 'all', formulaGuard: true }, { exportedBy: 'bench' });
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = typeof value === 'string' ? Buffer.from(value) : Buffer.from(value as Uint8Array);
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) newlines++;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - t2) / 1000;
  return { rows: newlines - 1, bytes, seconds, rssBeforeMb: rssBefore / MB, rssPeakMb: rssPeak / MB, heapPeakMb: heapPeak / MB, resultSeconds, firstPageMs };
}

export function exportSection(r: ExportBench, events: number): string {
  const growth = r.rssPeakMb - r.rssBeforeMb;
  return [
    '## Workbench: full-result export and the first page',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (\`bench/export.ts\`; \`--no-export\` skips it) on the ${fmt(events)}-event dataset, same machine as above: a query returning every event (8 columns), then \`startExport\` — the code behind \`GET /api/queries/{id}/export\` — streaming the whole result as CSV (formula guard on) through the CloudTrail API, page after page, read to the end. Memory is the process's RSS sampled every 20 ms; the lake that serves the pages runs in the same process, so its memory counts too.`,
    '',
    '| Measure | Value | Target |',
    '|---|---:|---|',
    `| Rows exported | ${fmt(r.rows)} (${fmt(r.bytes / MB, 1)} MB of CSV) | the full result |`,
    `| Export throughput | ${fmt(r.rows / r.seconds)} rows/s (${fmt(r.seconds, 1)} s) | — |`,
    `| RSS before → peak | ${fmt(r.rssBeforeMb)} MB → ${fmt(r.rssPeakMb)} MB | |`,
    `| Peak RSS growth while exporting | ${fmt(growth, 1)} MB | < 100 MB: **${growth < 100 ? 'PASS' : 'FAIL'}** |`,
    `| Peak JS heap while exporting | ${fmt(r.heapPeakMb)} MB | |`,
    `| Running the ${fmt(r.rows)}-row query (StartQuery → FINISHED) | ${fmt(r.resultSeconds, 1)} s | — |`,
    `| First 1,000-row page (StartQuery → first GetQueryResults page in hand) | ${fmt(r.firstPageMs)} ms | — |`,
    '',
    'The browser side of "time to first rendered page" is not in this number: it adds the workbench\'s own request and React rendering of the grid.',
  ].join('\n');
}

export const exportScratch = (datasetDir: string) => path.join(datasetDir, 'export-bench');
