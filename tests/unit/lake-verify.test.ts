import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadFixture, tempLake } from '../helpers/temp-lake';

let t: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  t = await tempLake(loadFixture().slice(0, 300));
});
afterAll(() => t.close());

function verify() {
  try {
    return { code: 0, out: execFileSync('npx', ['trailbench', 'verify', '--data-dir', t.dataDir], { encoding: 'utf8' }) };
  } catch (e) {
    return { code: (e as { status: number }).status, out: String((e as { stdout: string }).stdout) };
  }
}

it("npx trailbench verify reports files changed, removed or added behind the lake's back", () => {
  expect(verify()).toMatchObject({ code: 0, out: expect.stringMatching(/all intact/) });
  const dir = t.lake.stores.dir(t.store.id);
  const [a, b] = t.lake.manifest(t.store.id).files;
  fs.appendFileSync(path.join(dir, a.file), 'tampered');
  fs.rmSync(path.join(dir, b.file));
  fs.copyFileSync(path.join(dir, a.file), path.join(dir, 'data', 'extra.parquet'));
  const r = verify();
  expect(r.code).toBe(1);
  expect(r.out).toContain(`CHANGED  store ${t.store.id}: ${a.file}`);
  expect(r.out).toContain(`REMOVED  store ${t.store.id}: ${b.file}`);
  expect(r.out).toContain(`ADDED    store ${t.store.id}: data/extra.parquet`);
});
