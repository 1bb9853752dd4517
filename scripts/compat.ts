/**
 * `npm run compat [-- corpus.jsonl]`
 *
 * Runs every query of the published CloudTrail Lake query corpus through the built-in lake over
 * the project's fixtures and writes docs/compatibility.md. The corpus path comes from the
 * argument, else TRAILBENCH_CORPUS, else ../shared/data/queries-corpus.jsonl (relative to the
 * project root). A dev tool: the product never reads the corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderReport } from './compat/report';
import { corpusPath, PROJECT_ROOT, runCompat } from './compat/run';
import { KNOWN_LAKE_BUGS } from './compat/corpus';

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.length > 1) {
    console.log('usage: npm run compat [-- path/to/queries-corpus.jsonl]');
    process.exit(args.includes('--help') ? 0 : 2);
  }
  const file = corpusPath(args[0]);
  if (!fs.existsSync(file)) {
    console.error(`[compat] corpus not found: ${file} (pass a path or set TRAILBENCH_CORPUS)`);
    process.exit(2);
  }
  const run = await runCompat({ corpusFile: file, log: (line) => console.log(line) });
  const report = path.join(PROJECT_ROOT, 'docs', 'compatibility.md');
  fs.writeFileSync(report, renderReport(run));

  const { results } = run;
  const n = (f: (r: (typeof results)[number]) => boolean) => results.filter(f).length;
  const unexplained = results.filter((r) => !r.asExpected && !r.knownBug);
  const fixed = Object.keys(KNOWN_LAKE_BUGS).filter((id) => results.find((r) => r.query.id === id)?.asExpected);
  console.log(
    `\n[compat] ${results.length} queries: ${n((r) => r.status === 'FINISHED')} FINISHED, ${n((r) => r.status === 'rejected')} rejected, ${n((r) => r.status === 'failed')} failed; ` +
      `${n((r) => r.asExpected)} as expected, ${n((r) => !r.asExpected && !!r.knownBug)} known lake bugs, ${unexplained.length} unexplained. Wrote ${path.relative(process.cwd(), report)}.`,
  );
  for (const id of fixed) console.log(`[compat] ${id} now meets its expectation: remove it from KNOWN_LAKE_BUGS (scripts/compat/corpus.ts)`);
  for (const r of unexplained) console.log(`[compat] unexplained: ${r.query.id}: ${r.problems.join('; ')}`);
  process.exit(unexplained.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
