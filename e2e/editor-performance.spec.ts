import { expect, test, type Page } from '@playwright/test';
import { STORAGE_STATE } from './global-setup';
import { editorInput, setSql } from './helpers';

// Measurements, printed, never asserted: editor load on the production build, and typing latency
// in a 10,000-character query. Run alone: `playwright test e2e/editor-performance.spec.ts`.

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x: number | undefined) => (x === undefined ? undefined : Math.round(x));

/** Navigation start → the editor mounted (`trailbench:editor-ready`), i.e. its textarea takes input. */
async function loadTimings(page: Page) {
  await expect(editorInput(page)).toBeEditable();
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      editorReady: performance.getEntriesByName('trailbench:editor-ready')[0]?.startTime,
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      domContentLoaded: nav.domContentLoadedEventEnd,
      transferKB: performance.getEntriesByType('resource').reduce((n, r) => n + ((r as PerformanceResourceTiming).transferSize || 0), nav.transferSize) / 1024,
    };
  });
}

test('editor load time (printed)', async ({ browser }) => {
  test.setTimeout(120_000);
  const cold: Awaited<ReturnType<typeof loadTimings>>[] = [];
  const warm: Awaited<ReturnType<typeof loadTimings>>[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ storageState: STORAGE_STATE }); // signed in, empty HTTP cache
    const page = await context.newPage();
    await page.goto('/');
    cold.push(await loadTimings(page));
    await page.reload();
    warm.push(await loadTimings(page));
    await context.close();
  }
  const summary = (runs: typeof cold) => ({
    editorReadyMs: {
      median: round(median(runs.map((r) => r.editorReady))),
      min: round(Math.min(...runs.map((r) => r.editorReady))),
      max: round(Math.max(...runs.map((r) => r.editorReady))),
    },
    firstContentfulPaintMs: round(median(runs.map((r) => r.firstContentfulPaint))),
    domContentLoadedMs: round(median(runs.map((r) => r.domContentLoaded))),
    transferKB: round(median(runs.map((r) => r.transferKB))),
  });
  console.log(`EDITOR_LOAD ${JSON.stringify({ cold: summary(cold), warm: summary(warm), runs: cold.length })}`);
});

/** A realistic query of about 10,000 characters: many columns, conditions and a long IN list. */
function bigQuery(): string {
  const cols = ['eventTime', 'eventName', 'eventSource', 'awsRegion', 'sourceIPAddress', 'userIdentity.arn', "element_at(requestParameters, 'bucketName')"];
  const lines = ['SELECT'];
  for (let i = 0; i < 60; i++) lines.push(`  ${cols[i % cols.length]} AS c${i},`);
  lines.push('  count(*) AS n', 'FROM $EDS_ID', "WHERE eventTime > date_add('day', -7, now())");
  let i = 0;
  while (lines.join('\n').length < 9_500) lines.push(`  AND (eventName <> 'Action${i++}' OR userIdentity.arn LIKE '%role/team-${i}%')`);
  lines.push('GROUP BY 1, 2, 3', 'ORDER BY n DESC', 'LIMIT 100');
  return lines.join('\n');
}

test('typing latency in a 10,000-character query (printed)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(editorInput(page)).toBeEditable();
  const sql = bigQuery();
  await setSql(page, sql);
  await expect(page.getByRole('status', { name: 'Syntax check' })).toHaveText('No syntax errors', { timeout: 30_000 });

  // keydown → the changed line is in the DOM → next frame painted.
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __long: number[] };
    w.__lat = [];
    w.__long = [];
    let t0 = 0;
    document.addEventListener('keydown', (e) => (t0 = e.timeStamp), true);
    const lines = document.querySelector('.monaco-editor .view-lines')!;
    new MutationObserver(() => {
      if (!t0) return;
      const start = t0;
      t0 = 0;
      requestAnimationFrame(() => w.__lat.push(performance.now() - start));
    }).observe(lines, { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
  });

  const typeAndMeasure = async (text: string) => {
    for (const ch of text) {
      const before = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, before);
    }
  };
  await page.keyboard.press('ControlOrMeta+End');
  await typeAndMeasure(' x AND errorCode IS NULL');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  await typeAndMeasure(' eventid,');
  await page.keyboard.press('Escape');

  const { lat, long } = await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __long: number[] };
    return { lat: w.__lat, long: w.__long };
  });
  console.log(
    `TYPING_LATENCY ${JSON.stringify({
      queryChars: sql.length,
      keystrokes: lat.length,
      medianMs: round(median(lat)),
      p95Ms: round(pct(lat, 0.95)),
      maxMs: round(Math.max(...lat)),
      longTasks: long.length,
      longestTaskMs: round(long.length ? Math.max(...long) : 0),
    })}`,
  );
  expect(lat.length).toBeGreaterThan(20);
});
