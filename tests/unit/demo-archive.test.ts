import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDemoArchive, writeLogArchive } from '../../lib/lake/demo/archive';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-archive-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const NAME =
  /^AWSLogs\/(?:(o-[a-z0-9]+)\/)?(\d{12})\/CloudTrail\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{8}T\d{4}Z)_([A-Za-z0-9]{16})\.json\.gz$/;

/** Every file of an archive with its parsed name and records. */
function readArchive(dir: string) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .map((rel) => {
      const m = NAME.exec(rel.split(path.sep).join('/'));
      if (!m) throw new Error(`not in the archive layout: ${rel}`);
      const body = JSON.parse(gunzipSync(fs.readFileSync(path.join(dir, rel))).toString('utf8')) as { Records: Record<string, string>[] };
      return {
        rel,
        org: m[1],
        account: m[2],
        region: m[3],
        day: `${m[4]}-${m[5]}-${m[6]}`,
        nameAccount: m[7],
        nameRegion: m[8],
        stamp: m[9],
        records: body.Records,
      };
    });
}

/** `20260110T0005Z` → epoch ms. */
const stampMs = (s: string) => Date.parse(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:00Z`);

describe('trail archive writer', () => {
  it('writes one gzipped {"Records"} file per account, region and 5 minutes, named and placed as a trail does', async () => {
    const rec = (eventID: string, eventTime: string, recipientAccountId: string, awsRegion: string) => ({ eventID, eventTime, recipientAccountId, awsRegion });
    const records = [
      rec('a', '2026-01-09T23:56:00Z', '111122223333', 'us-east-1'),
      rec('b', '2026-01-09T23:58:59Z', '111122223333', 'us-east-1'),
      rec('c', '2026-01-09T23:59:00Z', '444455556666', 'us-east-1'),
      rec('d', '2026-01-09T23:59:30Z', '111122223333', 'eu-west-1'),
      rec('e', '2026-01-10T00:00:00Z', '111122223333', 'us-east-1'), // the next 5 minutes: a new file
    ];
    const out = path.join(root, 'small');
    const summary = await writeLogArchive(records, { outDir: out, orgId: 'o-abcdef1234' });
    const files = readArchive(out);
    expect(summary).toMatchObject({ files: 4, events: 5 });
    expect(summary.bytes).toBe(files.reduce((n, f) => n + fs.statSync(path.join(out, f.rel)).size, 0));
    const byIds = Object.fromEntries(files.map((f) => [f.records.map((r) => r.eventID).join(','), f]));
    expect(Object.keys(byIds).sort()).toEqual(['a,b', 'c', 'd', 'e']);
    // delivered at the end of its 5 minutes, so 23:55–00:00 lands in the next day's folder
    expect(byIds['a,b']).toMatchObject({ org: 'o-abcdef1234', account: '111122223333', region: 'us-east-1', day: '2026-01-10', stamp: '20260110T0000Z' });
    expect(byIds['c']).toMatchObject({ account: '444455556666', nameAccount: '444455556666' });
    expect(byIds['d']).toMatchObject({ region: 'eu-west-1', nameRegion: 'eu-west-1' });
    expect(byIds['e']).toMatchObject({ stamp: '20260110T0005Z' });
  });

  it('writes exactly the demo events asked for, each in its account/region file of the right 5 minutes, the same for the same seed', async () => {
    const end = new Date('2026-01-10T00:00:00Z');
    const out = path.join(root, 'demo');
    const summary = await writeDemoArchive({ outDir: out, count: 4000, days: 2, end, seed: 3 });
    const files = readArchive(out);
    const records = files.flatMap((f) => f.records);
    expect(summary).toMatchObject({ files: files.length, events: 4000 });
    expect(records).toHaveLength(4000);
    expect(new Set(records.map((r) => r.eventID)).size).toBe(4000);
    for (const f of files) {
      expect(f.nameAccount).toBe(f.account);
      expect(f.nameRegion).toBe(f.region);
      for (const r of f.records) {
        expect([r.recipientAccountId, r.awsRegion]).toEqual([f.account, f.region]);
        const t = Date.parse(r.eventTime);
        expect(t).toBeLessThan(stampMs(f.stamp));
        expect(t).toBeGreaterThanOrEqual(stampMs(f.stamp) - 5 * 60_000);
        expect(t).toBeGreaterThanOrEqual(end.getTime() - 2 * 86_400_000);
      }
    }
    // several accounts and regions, many small files and some larger ones
    expect(new Set(files.map((f) => f.account)).size).toBeGreaterThan(1);
    expect(new Set(files.map((f) => f.region)).size).toBeGreaterThan(1);
    const sizes = files.map((f) => f.records.length).sort((a, b) => a - b);
    expect(sizes[0]).toBe(1);
    expect(sizes.at(-1)).toBeGreaterThan(5 * sizes[Math.floor(sizes.length / 2)]);

    const again = path.join(root, 'demo-again');
    await writeDemoArchive({ outDir: again, count: 4000, days: 2, end, seed: 3 });
    expect(readArchive(again).map((f) => [f.rel, f.records])).toEqual(files.map((f) => [f.rel, f.records]));
  });

  it('refuses a span of no days', () => {
    expect(() => writeDemoArchive({ outDir: path.join(root, 'x'), count: 10, days: 0 })).toThrow(/days must be a positive number/);
  });
});
