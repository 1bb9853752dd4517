import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/lake/engine/duckdb';
import { ENGINE_THREAD_NICE } from '../../lib/lake/engine/thread-priority';

/** A thread's nice value, field 19 of /proc/self/task/<tid>/stat (after the command name in parentheses). */
const niceOf = (tid: string) => Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
const threads = () => fs.readdirSync('/proc/self/task');

describe.skipIf(process.platform !== 'linux')("the query engine's threads", () => {
  it('run at a lower CPU priority than the web server, which keeps its own', async () => {
    await fs.promises.stat('/');
    const before = new Set(threads());
    const own = niceOf(String(process.pid));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-nice-'));
    const engine = await createEngine({ lakeDir: dir, threads: 3 });
    try {
      const added = threads().filter((t) => !before.has(t));
      expect(added.length).toBeGreaterThanOrEqual(2); // threads − 1 workers
      for (const t of added) expect(niceOf(t)).toBe(ENGINE_THREAD_NICE);
      expect(niceOf(String(process.pid))).toBe(own);
      const con = await engine.connect();
      expect((await con.runAndReadAll('SELECT 42')).getRows()).toEqual([[42]]);
      con.closeSync();
    } finally {
      engine.internal.closeSync();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
