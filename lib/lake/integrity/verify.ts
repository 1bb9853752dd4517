import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readManifest } from '../storage/manifest';
import { readJson } from '../../util/fs-atomic';
import { retiredFiles } from '../storage/store-files';
import { compactionOutput } from '../ingest/compact';

export interface IntegrityProblem {
  store: string;
  file: string;
  problem: 'changed' | 'removed' | 'added';
}

export interface IntegrityReport {
  storesChecked: number;
  filesChecked: number;
  problems: IntegrityProblem[];
}

/**
 * Checks every store's files against its manifest: each listed file must exist with the SHA-256
 * recorded when it was written, and no Parquet file may sit in a store that the manifest does
 * not list (except the files of a write or merge still in progress, and files compaction or
 * retention dropped that a running query still reads).
 */
export function verifyLake(lakeDir: string): IntegrityReport {
  const storesDir = path.join(lakeDir, 'stores');
  const report: IntegrityReport = { storesChecked: 0, filesChecked: 0, problems: [] };
  if (!fs.existsSync(storesDir)) return report;
  for (const id of fs.readdirSync(storesDir).sort()) {
    const dir = path.join(storesDir, id);
    if (!fs.existsSync(path.join(dir, 'store.json'))) continue;
    report.storesChecked++;
    const manifest = readManifest(dir);
    const listed = new Set(manifest.files.map((f) => f.file));
    for (const f of manifest.files) {
      report.filesChecked++;
      const abs = path.join(dir, f.file);
      if (!fs.existsSync(abs)) report.problems.push({ store: id, file: f.file, problem: 'removed' });
      else if (sha256(abs) !== f.sha256) report.problems.push({ store: id, file: f.file, problem: 'changed' });
    }
    const pending = new Set([
      ...(readJson<{ files: string[] }>(path.join(dir, 'pending-writes.json'))?.files ?? []),
      ...retiredFiles(dir),
      compactionOutput(dir) ?? '',
    ]);
    const dataDir = path.join(dir, 'data');
    if (!fs.existsSync(dataDir)) continue;
    for (const rel of fs.readdirSync(dataDir, { recursive: true }).map(String)) {
      const file = path.join('data', rel);
      if (fs.statSync(path.join(dir, file)).isFile() && !listed.has(file) && !pending.has(file)) {
        report.problems.push({ store: id, file, problem: 'added' });
      }
    }
  }
  return report;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
