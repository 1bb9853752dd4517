#!/usr/bin/env node
// Runs the TypeScript CLI (scripts/cli.ts) under tsx, so `npx trailbench ...` needs no build step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withWorkerPool } from '../lib/util/worker-pool.mjs';

const cli = fileURLToPath(new URL('../scripts/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
// The AWS SDK's notice about the Node versions of its future releases is not for the CLI's user.
// The CLI can open the lake and run queries itself: its worker pool is sized for them (lib/util/worker-pool.mjs).
const env = withWorkerPool({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env });
// Ctrl-C reaches the CLI too (same process group): this wrapper waits for it to stop the import and exit.
process.on('SIGINT', () => {});
const r = spawnSync(process.execPath, ['--import', tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? (r.signal === 'SIGINT' ? 130 : 1));
