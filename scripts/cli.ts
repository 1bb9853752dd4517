import path from 'node:path';
import { env } from '../lib/env';
import { verifyLake } from '../lib/lake/integrity/verify';

/** `npx trailbench <command>`: operator commands that work on the data directory. */
const USAGE = `Usage: trailbench verify [--data-dir DIR]

  verify   check every stored file against the manifests (SHA-256); report files that were
           changed, removed or added behind the lake's back. Exit code 1 when any is found.`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const dirFlag = rest.indexOf('--data-dir');
  const dataDir = dirFlag >= 0 ? path.resolve(rest[dirFlag + 1] ?? '') : env().dataDir;
  if (command === 'verify') {
    const report = verifyLake(path.join(dataDir, 'lake'));
    for (const p of report.problems) console.log(`${p.problem.toUpperCase().padEnd(8)} store ${p.store}: ${p.file}`);
    console.log(`${report.storesChecked} stores, ${report.filesChecked} files checked: ${report.problems.length ? `${report.problems.length} problem(s)` : 'all intact'}`);
    return report.problems.length ? 1 : 0;
  }
  console.error(USAGE);
  return command ? 2 : 0;
}

process.exitCode = main(process.argv.slice(2));
