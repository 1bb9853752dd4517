import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { asRecords, describeQuery, resultsPage } from '../cloudtrail/query';
import { env } from '../env';
import { writeFileAtomic, readJson } from '../util/fs-atomic';
import { ApiError } from '../http/errors';
import { toCsv } from '../util/csv';

export type ExportFormat = 'csv' | 'jsonl';

export interface ExportOptions {
  format: ExportFormat;
  /** `all`: every row, page after page; `page`: one page from `nextToken`. */
  scope: 'all' | 'page';
  nextToken?: string;
  maxResults?: number;
  /** Prefix cells that a spreadsheet would run as a formula (=, +, -, @) with a quote (lib/util/csv.ts). */
  formulaGuard: boolean;
}

/** The evidence that goes with an export: what was exported, from where, and the file's hash. */
export interface ExportEvidence {
  exportId: string;
  queryId: string;
  queryString?: string;
  bytesScanned?: number;
  rows: number;
  format: ExportFormat;
  scope: 'all' | 'page';
  formulaGuard: boolean;
  fileName: string;
  sha256: string;
  exportedBy: string;
  startedAt: string;
  finishedAt: string;
}

const PAGE = 1000;

export function exportFileName(sql: string | undefined, format: ExportFormat, at = new Date()): string {
  const words = (sql ?? 'query')
    .replace(/\$EDS_ID|[0-9a-f]{8}-[0-9a-f-]{27}/gi, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? ['query'];
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `trailbench-${words.slice(0, 6).join('-')}-${stamp}.${format}`;
}

/**
 * Streams a query's result as CSV (RFC 4180) or JSON Lines, fetching one page of GetQueryResults
 * at a time as the client reads, so memory stays flat whatever the size. The evidence record is
 * written when the last byte has been produced.
 */
export async function startExport(
  client: CloudTrailClient,
  handle: string,
  queryId: string,
  opts: ExportOptions,
  by: { exportedBy: string; onDone?: (e: ExportEvidence) => Promise<void> | void },
) {
  const described = await describeQuery(client, queryId);
  if (described.status !== 'FINISHED' && described.status !== 'CANCELLED' && described.status !== 'TIMED_OUT') {
    throw new ApiError('QueryNotFinished', `Query ${handle} is ${described.status}; export it once it has finished.`, 409);
  }
  const startedAt = new Date();
  const exportId = randomUUID();
  const fileName = exportFileName(described.queryString, opts.format, startedAt);
  const hash = createHash('sha256');
  const encoder = new TextEncoder();
  let token = opts.nextToken;
  let columns: string[] | undefined;
  let rows = 0;
  let done = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      const page = await resultsPage(client, queryId, opts.scope === 'page' ? (opts.maxResults ?? PAGE) : PAGE, token);
      const first = !columns;
      columns ??= page.columns;
      const text = opts.format === 'csv' ? csvChunk(columns, page.rows, first, opts.formulaGuard) : jsonlChunk(columns, page.rows);
      rows += page.rows.length;
      token = page.nextToken;
      if (text) {
        const bytes = encoder.encode(text);
        hash.update(bytes);
        controller.enqueue(bytes);
      }
      if (!token || opts.scope === 'page') {
        done = true;
        const evidence: ExportEvidence = {
          exportId,
          queryId: handle,
          queryString: described.queryString,
          bytesScanned: described.statistics.bytesScanned,
          rows,
          format: opts.format,
          scope: opts.scope,
          formulaGuard: opts.formulaGuard,
          fileName,
          sha256: hash.digest('hex'),
          exportedBy: by.exportedBy,
          startedAt: startedAt.toISOString(),
          finishedAt: new Date().toISOString(),
        };
        saveEvidence(evidence);
        await by.onDone?.(evidence);
        controller.close();
      }
    },
  });
  return { stream, exportId, fileName };
}

function csvChunk(columns: string[], rows: (string | null)[][], header: boolean, guard: boolean): string {
  // column names come from the SQL's aliases, so they are guarded like cells
  return toCsv(header ? [columns, ...rows] : rows, { formulaGuard: guard });
}

function jsonlChunk(columns: string[], rows: (string | null)[][]): string {
  return (
    asRecords(columns, rows)
      .map((r) => JSON.stringify(r))
      .join('\n') + (rows.length ? '\n' : '')
  );
}

const evidenceFile = (id: string) => path.join(env().dataDir, 'exports', `${id}.json`);

function saveEvidence(e: ExportEvidence) {
  writeFileAtomic(evidenceFile(e.exportId), JSON.stringify(e, null, 2));
}

export function readEvidence(exportId: string): ExportEvidence {
  const e = /^[0-9a-f-]{36}$/.test(exportId) ? readJson<ExportEvidence>(evidenceFile(exportId)) : undefined;
  if (!e) throw new ApiError('ExportNotFound', `No finished export ${exportId}.`, 404);
  return e;
}
