import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { allocatorSettings, DEFAULT_MALLOC_CONF, retainedMemoryBytes } from '../../lib/lake/engine/allocator';
import { tempLake } from '../helpers/temp-lake';

const GIB = 2 ** 30;

describe("DuckDB's allocator", () => {
  it('keeps an eighth of the machine, at most 2 GiB, and flushes past it', () => {
    expect(retainedMemoryBytes(24 * GIB)).toBe(2 * GIB);
    expect(retainedMemoryBytes(4 * GIB)).toBe(GIB / 2);
    expect(allocatorSettings(GIB / 2)).toEqual([
      "SET GLOBAL allocator_flush_threshold = '512MiB'",
      "SET GLOBAL allocator_bulk_deallocation_flush_threshold = '512MiB'",
    ]);
  });

  it('gives freed memory back after a while: never giving it back grew a replication to 24 GB', () => {
    expect(DEFAULT_MALLOC_CONF).toMatch(/dirty_decay_ms:\d+/);
    expect(process.env.DUCKDB_JE_MALLOC_CONF).toBeDefined();
  });

  it('limits each instance to its share of the machine, so two fit beside Node', async () => {
    const t = await tempLake();
    const { lake } = t;
    try {
      const limit = async (con: { runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> }) =>
        String((await con.runAndReadAll(`SELECT current_setting('memory_limit')`)).getRows()[0][0]);
      const gib = (s: string) => Number(/^([\d.]+) GiB$/.exec(s)?.[1]);
      const total = os.totalmem() / GIB;
      const queries = gib(await limit(lake.engine.internal));
      const writer = await lake.engine.connectWriter();
      const writes = gib(await limit(writer));
      writer.closeSync();
      expect(queries).toBeGreaterThan(total * 0.45);
      expect(queries + writes).toBeLessThan(total * 0.75);
    } finally {
      await t.close();
    }
  });

  it('leaves the process able to start others: a lake open, a child process still spawns', async () => {
    const lake = await tempLake();
    try {
      const r = spawnSync(process.execPath, ['-e', 'process.exit(7)']);
      expect([r.error?.message, r.status]).toEqual([undefined, 7]);
    } finally {
      await lake.close();
    }
  });

  it('is configured before DuckDB loads: nothing imports @duckdb/node-api but duckdb-api.ts', () => {
    const root = path.resolve(__dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|mts|mjs|js)$/.test(e.name) && /from '@duckdb\/node-api'|require\('@duckdb\/node-api'\)/.test(fs.readFileSync(p, 'utf8')))
          offenders.push(path.relative(root, p));
      }
    };
    for (const d of ['lib', 'app', 'components', 'bin', 'scripts', 'bench', 'tests']) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
    expect(offenders.filter((f) => f !== path.join('lib', 'lake', 'engine', 'duckdb-api.ts') && !f.endsWith('duckdb-allocator.test.ts'))).toEqual([]);
  });
});
