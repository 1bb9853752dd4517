/**
 * `npm run compat:functions`: rewrites the "Functions and cells" section of docs/compatibility.md
 * from the conformance table (tests/conformance/trino-functions.ts). Needs no corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { withFunctionsSection } from './compat/functions-doc';

const file = path.resolve(__dirname, '..', 'docs', 'compatibility.md');
fs.writeFileSync(file, withFunctionsSection(fs.readFileSync(file, 'utf8')));
console.log(`[compat] wrote the functions section of ${path.relative(process.cwd(), file)}`);
