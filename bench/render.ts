import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { bin, ensureBuild } from './build';
import { fmt } from './sections';

/** What e2e/results-performance.spec.ts prints on its RESULTS_RENDER line. */
export interface RenderBench {
  columns: number;
  rows: number;
  firstPageRenderMs: { median: number; runs: number[] };
  domRows: number;
  domCells: number;
  scrollFrames: number;
  frameMs: { median: number; p95: number; max: number };
  mainThreadMsPerFrame: { script: number; layout: number; style: number; allTasks: number };
  idleFrameMs: { median: number; p95: number };
}

/**
 * Time to the first rendered 1,000-row page (and scrolling it) in Debian's Chromium, on the
 * production build: runs e2e/results-performance.spec.ts and reads the line it prints. Builds the
 * app first when there is no build.
 */
export function benchRender(log: (s: string) => void): RenderBench {
  ensureBuild(log, 'render');
  fs.rmSync(path.resolve('.tmp', 'e2e-data'), { recursive: true, force: true });
  const r = spawnSync(bin('playwright'), ['test', 'e2e/results-performance.spec.ts', '--reporter=list'], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 64 << 20,
  });
  const line = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.includes('RESULTS_RENDER '));
  if (r.status !== 0 || !line) throw new Error(`e2e/results-performance.spec.ts failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return JSON.parse(line.slice(line.indexOf('RESULTS_RENDER ') + 'RESULTS_RENDER '.length)) as RenderBench;
}

export function renderSection(r: RenderBench): string {
  return [
    '## Workbench: first rendered page and scrolling (Playwright)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (\`bench/render.ts\` runs \`e2e/results-performance.spec.ts\` on the production build in Debian's Chromium, headless, software rendering; \`--no-render\` skips it), on the e2e server's 20,000-event demo store. Rows per page 100 → 1,000: the change, the page fetched (\`GetQueryResults\`, ${fmt(r.rows)} × ${r.columns} cells as JSON), its rows in the DOM, the next frame painted.`,
    '',
    '| What | Result |',
    '|---|---|',
    `| First rendered ${fmt(r.rows)}-row page, ${r.columns} columns | median ${fmt(r.firstPageRenderMs.median)} ms (runs: ${r.firstPageRenderMs.runs.join(', ')} ms) |`,
    `| DOM while showing it | ${r.domRows} rows, ${r.domCells} cells (of ${fmt(r.rows)} × ${r.columns}) |`,
    `| Scrolling the page top to bottom, 120 px per frame | ${r.scrollFrames} frames: median ${r.frameMs.median} ms, p95 ${r.frameMs.p95} ms, max ${r.frameMs.max} ms (idle frames here: median ${r.idleFrameMs.median} ms) |`,
    `| Main-thread work per scroll frame | script ${r.mainThreadMsPerFrame.script} ms, layout ${r.mainThreadMsPerFrame.layout} ms, style ${r.mainThreadMsPerFrame.style} ms |`,
  ].join('\n');
}
