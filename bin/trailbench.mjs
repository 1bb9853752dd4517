#!/usr/bin/env node
// Runs the TypeScript CLI (scripts/cli.ts) under tsx, so `npx trailbench ...` needs no build step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../scripts/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
const r = spawnSync(process.execPath, ['--import', tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
