#!/usr/bin/env node
// `npm start`: builds the app when there is no build or the sources changed since, then serves it.
// The server opens the built-in lake and, on an empty data directory, seeds the `demo` store.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withWorkerPool } from '../lib/util/worker-pool.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const buildId = path.join(root, '.next', 'BUILD_ID');

function newestSource() {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['app', 'components', 'lib', 'public', 'next.config.js', 'package-lock.json', 'instrumentation.ts']) walk(path.join(root, p));
  return newest;
}

// The server's worker pool is sized for its queries before it starts (lib/util/worker-pool.mjs).
const env = withWorkerPool({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (built < newestSource()) {
  console.log('[trailbench] building the app (first start or sources changed)...');
  const r = spawnSync(bin('next'), ['build'], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const host = process.env.HOSTNAME ?? '127.0.0.1';
console.log(`[trailbench] starting on http://${host}:${port} (built-in lake at http://${host}:${port}/lake)`);
const child = spawn(bin('next'), ['start', '-p', port, '-H', host], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
