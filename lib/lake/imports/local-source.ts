import { fileURLToPath } from 'node:url';
import { LakeError } from '../errors';
import { LogFileReader } from './log-file-reader';
import { listLocalFiles } from './list-local-files';
import { scanPlan } from './scan-plan';
import type { ImportRoots } from './import-roots';
import type { LogSource, SourceLimits } from './sources';
import type { TableShape } from '../schema';

/** The local path of a `file://` URI. */
export function filePathOf(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    throw new LakeError('InvalidImportSourceException', `'${uri}' is not a valid file:// URI.`);
  }
}

/**
 * A directory (or one file) on this machine, read only inside the import roots: the source is
 * checked when opened, links are judged where they lead while listing and again as each file is
 * read (a file swapped for a link after the listing is still refused).
 */
export function fileSource(uri: string, roots: ImportRoots, limits: SourceLimits, isLogFile: (p: string) => boolean, shape?: TableShape): LogSource {
  const start = filePathOf(uri);
  const startReal = roots.locate(start);
  let reader: LogFileReader | undefined;
  return {
    uri,
    list(signal, opts = {}) {
      return listLocalFiles(start, startReal, roots.realRoots(), isLogFile, { maxEntries: limits.maxListEntries, signal, since: opts.since });
    },
    fetch(locations) {
      reader ??= new LogFileReader({ plan: shape && scanPlan(shape), roots: roots.realRoots(), maxFileBytes: limits.maxFileBytes });
      return reader.read(locations);
    },
    close() {
      reader?.close();
      reader = undefined;
    },
  };
}
