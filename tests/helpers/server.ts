import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withWorkerPool } from '../../lib/util/worker-pool.mjs';

/** Starts the production build (`next start`) with its own data directory and waits until it is ready. */
export interface TestServer {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
  /** stdout and stderr so far (e.g. the printed setup link) */ output(): string;
}

/** `keepData` restarts on the data directory a previous server left (otherwise it starts empty). */
export async function startServer(opts: { port: number; dataDir: string; env?: Record<string, string>; keepData?: boolean }): Promise<TestServer> {
  if (!opts.keepData) fs.rmSync(opts.dataDir, { recursive: true, force: true });
  const root = path.resolve(__dirname, '../..');
  const proc = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(opts.port), '-H', '127.0.0.1'], {
    cwd: root,
    // sized like `npm start` sizes it (lib/util/worker-pool.mjs)
    env: withWorkerPool({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', TRAILBENCH_DATA_DIR: opts.dataDir, ...opts.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout!.on('data', (d) => (log += d));
  proc.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    proc,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve(); // already gone (a test may have killed it)
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
