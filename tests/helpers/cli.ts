import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npx trailbench ...` (bin/trailbench.mjs) as a user would, not on a terminal. */
export function trailbench(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // TRAILBENCH_* from the test's own environment must not leak in: each test says what it sets.
    const merged = { ...process.env };
    for (const k of Object.keys(merged)) if (k.startsWith('TRAILBENCH_')) delete merged[k];
    for (const [k, v] of Object.entries(env))
      if (v === undefined) delete merged[k];
      else merged[k] = v;
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/trailbench.mjs'), ...args], { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
