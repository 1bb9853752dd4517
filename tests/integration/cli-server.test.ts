import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeDemoArchive } from '../../lib/lake/demo/archive';
import { trailbench } from '../helpers/cli';
import { LAKE_KEYS } from '../helpers/lake-client';
import { importDir } from '../helpers/import-root';

/** `npx trailbench` while a server has the lake open: every call goes through its CloudTrail API. */
const baseUrl = inject('baseUrl');
const serverDataDir = path.resolve(__dirname, '../../.tmp/it-data'); // global-setup's
const keys = { TRAILBENCH_LAKE_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId, TRAILBENCH_LAKE_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey };
const root = importDir('cli-server-');
const archive = path.join(root, 'archive');
const EVENTS = 1200;

beforeAll(async () => {
  await writeDemoArchive({ outDir: archive, count: EVENTS, days: 1, seed: 21 });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.sequential('trailbench CLI through the running server', { timeout: 180_000 }, () => {
  it('imports through --endpoint with the lake key pair, and stores lists the events', async () => {
    const r = await trailbench(['import', archive, '--store', 'cli-server', '--create', '--endpoint', baseUrl], keys);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Import [0-9a-f-]{36} COMPLETED: [\d,]+ files read, 1,200 events added to cli-server/);

    const json = await trailbench(['stores', '--json', '--endpoint', baseUrl], keys);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toContainEqual(expect.objectContaining({ name: 'cli-server', status: 'ENABLED', events: EVENTS }));
  });

  it('finds the server that has the data directory open without being told', async () => {
    const r = await trailbench(['stores', '--data-dir', serverDataDir], keys);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^Lake: ${baseUrl}/lake \\(the Trailbench server \\(pid \\d+\\) that has ${serverDataDir} open\\)`, 'm'));
    expect(r.stdout).toMatch(/^cli-server\s+[0-9a-f-]{36}\s+ENABLED\s+\d+ days\s+1,200\s/m);
  });

  it('says when the key pair is wrong or the store unknown', async () => {
    const wrong = await trailbench(['stores', '--endpoint', baseUrl], {
      TRAILBENCH_LAKE_ACCESS_KEY_ID: 'TBWRONGACCESSKEY0001',
      TRAILBENCH_LAKE_SECRET_ACCESS_KEY: 'not-the-secret-at-all',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`The lake at ${baseUrl}/lake refused this key pair (UnrecognizedClientException`);

    const unknown = await trailbench(['import', archive, '--store', 'nosuch', '--endpoint', baseUrl], keys);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(new RegExp(`No event data store 'nosuch' in ${baseUrl}/lake \\(given with --endpoint\\)\\. Stores there: .*cli-server`));
  });
});
