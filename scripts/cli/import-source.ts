import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CliError } from './command';

/** An import source as StartImport takes it, and the local directory when it is one. */
export interface ImportSource {
  uri: string;
  localRoot?: string;
}

/** `./archive`, `file:///srv/archive` or `s3://bucket/prefix`; a local path must exist. */
export function importSource(arg: string): ImportSource {
  if (arg.startsWith('s3://')) return { uri: arg };
  if (arg.startsWith('file://')) {
    let local: string;
    try {
      local = fileURLToPath(arg);
    } catch {
      throw new CliError(`'${arg}' is not a valid file:// URL.`, 2);
    }
    return { uri: arg, localRoot: existing(local, arg) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) throw new CliError(`Cannot import from '${arg}': give a directory, a file:// URL or an s3://bucket/prefix.`, 2);
  const abs = existing(path.resolve(arg), arg);
  return { uri: pathToFileURL(abs).href, localRoot: abs };
}

function existing(abs: string, given: string): string {
  if (!fs.existsSync(abs)) throw new CliError(`Cannot import from ${given}: ${abs} does not exist.`);
  return abs;
}

/**
 * Log files under a local source, for the progress bar's total only (the lake decides what it
 * reads): JSON, NDJSON and gzip files, never CloudTrail digest files.
 */
export function countLogFiles(root: string): number {
  const st = fs.statSync(root);
  if (!st.isDirectory()) return 1;
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(json|jsonl|ndjson|gz)$/i.test(e.name) && !/CloudTrail-Digest/i.test(path.join(e.parentPath, e.name))).length;
}
