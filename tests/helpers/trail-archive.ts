import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Writes records as a trail would: `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz`,
 * one file per account/region/hour, each `{"Records": [...]}`. Returns the file paths.
 */
export function writeTrailArchive(root: string, records: Record<string, unknown>[], opts: { orgId?: string } = {}): string[] {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const r of records) {
    const account = String(r.recipientAccountId ?? '111122223333');
    const region = String(r.awsRegion ?? 'us-east-1');
    const hour = String(r.eventTime).slice(0, 13); // YYYY-MM-DDTHH
    const key = `${account}|${region}|${hour}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  const files: string[] = [];
  for (const [key, recs] of groups) {
    const [account, region, hour] = key.split('|');
    const [y, m, d] = hour.slice(0, 10).split('-');
    const dir = path.join(root, 'AWSLogs', ...(opts.orgId ? [opts.orgId] : []), account, 'CloudTrail', region, y, m, d);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${account}_CloudTrail_${region}_${y}${m}${d}T${hour.slice(11)}00Z_${files.length}.json.gz`);
    fs.writeFileSync(file, gzipSync(JSON.stringify({ Records: recs })));
    files.push(file);
  }
  return files;
}
