import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const bin = (name: string) => path.resolve('node_modules', '.bin', name);

/** Sections that run the production build (browser, server) build it first when there is none. */
export function ensureBuild(log: (s: string) => void, section: string): void {
  if (fs.existsSync(path.resolve('.next', 'BUILD_ID'))) return;
  log(`${section}: no production build yet, running next build`);
  const b = spawnSync(bin('next'), ['build'], { stdio: 'inherit' });
  if (b.status !== 0) throw new Error('next build failed');
}
