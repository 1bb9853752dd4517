import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { trailbench } from '../helpers/cli';

/** The CLI as a terminal user runs it, on a lake no server has open (so the CLI opens it itself). */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-cli-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const archive = path.join(root, 'archive');
const dataDir = path.join(root, 'data');
const EVENTS = 1500;
const LAYOUT = /^AWSLogs\/\d{12}\/CloudTrail\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/\d{12}_CloudTrail_[a-z0-9-]+_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/;
const archiveFiles = () =>
  fs
    .readdirSync(archive, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith('.gz'));

describe.sequential('trailbench CLI on a lake it opens itself', { timeout: 180_000 }, () => {
  it('demo-data writes the trail archive layout with exactly the events asked for', async () => {
    const end = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString(); // today 00:00 UTC: inside any retention
    const r = await trailbench(['demo-data', '--events', String(EVENTS), '--days', '1', '--end', end, '--seed', '9', '--out', archive]);
    expect(r.code, r.stderr).toBe(0);
    const files = archiveFiles();
    expect(r.stdout).toContain(`Wrote 1,500 events in ${files.length.toLocaleString('en-US')} files`);
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => !LAYOUT.test(f))).toEqual([]);
    const records = files.flatMap((f) => JSON.parse(gunzipSync(fs.readFileSync(path.join(archive, f))).toString()).Records as { eventID: string }[]);
    expect(new Set(records.map((e) => e.eventID)).size).toBe(EVENTS);
  });

  it('import creates the store, shows progress and a summary; stores then shows the events; a second import adds none', async () => {
    const files = archiveFiles().length.toLocaleString('en-US');
    const r = await trailbench(['import', archive, '--store', 'trail', '--create', '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Created event data store trail \(arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore\/[0-9a-f-]{36}\)/);
    // not a terminal: plain lines, the last one complete
    expect(r.stderr).toMatch(new RegExp(`Importing\\s+\\[#{24}\\]\\s+100%\\s+${files}/${files} files\\s+1,500 events\\s+0 failed`));
    expect(r.stdout).toMatch(new RegExp(`^Import [0-9a-f-]{36} COMPLETED: ${files} files read, 1,500 events added to trail`));

    const table = await trailbench(['stores', '--data-dir', dataDir]);
    expect(table.code, table.stderr).toBe(0);
    const [header, row, ...rest] = table.stdout.trim().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['NAME', 'ID', 'STATUS', 'RETENTION', 'EVENTS', 'SIZE', 'FILES', 'COMPACTED', 'FOLLOW LAG']);
    expect(rest).toEqual([]);
    const cells = row.split(/\s{2,}/);
    expect(cells.slice(0, 5)).toEqual(['trail', expect.stringMatching(/^[0-9a-f-]{36}$/), 'ENABLED', '366 days', '1,500']);
    expect(cells[5]).toMatch(/^\d+(\.\d)? (KB|MB)$/);
    expect(cells[8]).toBe('-'); // follows no source

    // compact on demand: one file per day, the same events, verify clean
    const compacted = await trailbench(['compact', '--store', 'trail', '--data-dir', dataDir]);
    expect(compacted.code, compacted.stderr).toBe(0);
    const [, crow] = compacted.stdout.trim().split('\n');
    const [cname, cfiles, cdays, cmost] = crow.split(/\s{2,}/);
    expect([cname, cmost]).toEqual(['trail', '1']);
    expect(cfiles).toBe(cdays);
    const listed = (await trailbench(['stores', '--data-dir', dataDir])).stdout
      .trim()
      .split('\n')[1]
      .split(/\s{2,}/);
    expect(listed.slice(4, 8)).toEqual(['1,500', expect.any(String), cfiles, expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)]);
    expect((await trailbench(['verify', '--data-dir', dataDir])).code).toBe(0);

    const again = await trailbench(['import', archive, '--store', cells[1], '--data-dir', dataDir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(' 0 events added to trail');
    const json = await trailbench(['stores', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ name: 'trail', id: cells[1], status: 'ENABLED', retentionDays: 366, events: EVENTS })]);
  });

  it('lists each file that failed and exits 1, while the good files import', async () => {
    const bad = path.join(root, 'bad');
    const day = path.join(bad, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20');
    fs.mkdirSync(day, { recursive: true });
    const good = archiveFiles()[0];
    fs.copyFileSync(path.join(archive, good), path.join(day, path.basename(good)));
    fs.writeFileSync(path.join(day, 'truncated.json.gz'), gzipSync('{"Records":[{"eventID":"x"').subarray(0, 20));
    fs.writeFileSync(path.join(day, 'not-cloudtrail.json'), '{"hello":"world"}');
    const r = await trailbench(['import', bad, '--store', 'trail', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('COMPLETED: 3 files read');
    const failed = r.stdout.split('\n').filter((l) => l.trim().startsWith('FAILED'));
    expect(failed.map((l) => path.basename(l.trim().split(/\s{2,}/)[1])).sort()).toEqual(['not-cloudtrail.json', 'truncated.json.gz']);
    expect(r.stdout).toContain('2 files failed:');
  });

  it('says clearly what is wrong: a missing path, an unknown store, a bad flag, no lake', async () => {
    const missing = await trailbench(['import', path.join(root, 'nope'), '--store', 'trail', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`trailbench import: Cannot import from ${path.join(root, 'nope')}: ${path.join(root, 'nope')} does not exist.`);

    const unknown = await trailbench(['import', archive, '--store', 'nosuch', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No event data store 'nosuch' in .*\. Stores there: trail\. Give --create to create it\./);

    const flag = await trailbench(['import', archive, '--store', 'trail', '--start', 'yesterday', '--data-dir', dataDir]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--start must be an ISO 8601 time such as 2026-01-31 or 2026-01-31T12:00:00Z; got 'yesterday'.");

    const noLake = await trailbench(['stores', '--data-dir', path.join(root, 'empty')]);
    expect(noLake.code).toBe(1);
    expect(noLake.stderr).toContain(`There is no lake in ${path.join(root, 'empty')}`);
    expect(fs.existsSync(path.join(root, 'empty'))).toBe(false);
  });

  it('never opens a lake another process has open: goes to its server, or says who holds it', async () => {
    const owner = path.join(dataDir, 'lake', 'owner.json');
    const hold = (o: object) => fs.writeFileSync(owner, JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-11-27T10:00:00.000Z', ...o }));
    try {
      hold({ kind: 'cli', command: 'trailbench import /srv/archive' });
      const busy = await trailbench(['stores', '--data-dir', dataDir]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`is in use by \`trailbench import /srv/archive\` (pid ${process.pid})`);

      const port = await closedPort();
      hold({ kind: 'server', url: `http://127.0.0.1:${port}` });
      const down = await trailbench(['import', archive, '--store', 'trail', '--data-dir', dataDir]);
      expect(down.code).toBe(1);
      expect(down.stderr).toContain(
        `Cannot reach the Trailbench server at http://127.0.0.1:${port}/lake (the Trailbench server (pid ${process.pid}) that has ${dataDir} open): ECONNREFUSED`,
      );
    } finally {
      fs.rmSync(owner, { force: true });
    }
    // a lock left by a process that died is taken over
    fs.writeFileSync(
      owner,
      JSON.stringify({ pid: 2 ** 22 + 1, host: os.hostname(), kind: 'server', url: 'http://127.0.0.1:1', since: '2026-11-27T10:00:00.000Z' }),
    );
    const after = await trailbench(['stores', '--data-dir', dataDir]);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('1,500');
    expect(fs.existsSync(owner)).toBe(false); // released on exit
  });

  it('prints its usage', async () => {
    const help = await trailbench(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['import', 'stores', 'compact', 'verify', 'demo-data']) expect(help.stdout).toMatch(new RegExp(`^  ${c}\\s+\\w`, 'm'));
    const unknown = await trailbench(['imprt']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command 'imprt'.");
  });
});

/** A local port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
