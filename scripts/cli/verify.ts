import { lakeDirOf } from '../../lib/built-in-lake';
import { verifyLake } from '../../lib/lake/integrity/verify';
import { COMMON_OPTIONS, dataDirOf, defineCommand } from './command';

const USAGE = `Usage: trailbench verify [--data-dir DIR]

Checks every stored file against the stores' manifests (SHA-256) and reports files that were
changed, removed or added behind the lake's back. Reads the files only, so it runs beside a
server. Exit code 0 when all are intact, 1 when any problem is found.`;

export const verifyCommand = defineCommand({ name: 'verify', usage: USAGE, options: COMMON_OPTIONS }, async (values) => {
  const report = verifyLake(lakeDirOf(dataDirOf(values['data-dir'])));
  for (const p of report.problems) console.log(`${p.problem.toUpperCase().padEnd(8)} store ${p.store}: ${p.file}`);
  console.log(
    `${report.storesChecked} stores, ${report.filesChecked} files checked: ${report.problems.length ? `${report.problems.length} problem(s)` : 'all intact'}`,
  );
  return report.problems.length ? 1 : 0;
});
