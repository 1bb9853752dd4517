import fs from 'node:fs';
import path from 'node:path';
import { LakeError } from '../errors';
import { isWithin, resolveReal } from './real-path';

/** The setting that names the directories `file://` imports may read. */
export const IMPORT_ROOTS_VARIABLE = 'TRAILBENCH_IMPORT_ROOTS';

/** Never a root nor inside one: the whole disk, and the kernel's and devices' views of the machine. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];

export class ImportRootError extends Error {}

/**
 * The directories `file://` imports (StartImport and a followed source) may read: those the
 * operator configured, plus, in a CLI that opened the lake on its own host, the one path its
 * user gave (that user can read those files anyway). Through a server every path must be under
 * a configured root. The data directory (the lake, the app's secrets and database, other users'
 * results) is never readable: no root may hold it, lie inside it, or lead into it by a link.
 */
export class ImportRoots {
  private readonly roots: string[];
  private readonly dataDirs: string[];

  /** `configured`: absolute directories (TRAILBENCH_IMPORT_ROOTS); `hostPath`: the CLI's own source path. */
  constructor(configured: readonly string[], dataDir: string, hostPath?: string) {
    const data = path.resolve(dataDir);
    this.dataDirs = [...new Set([data, resolveReal(data, fs, path) ?? data])];
    this.roots = configured.map((r) => {
      if (!path.isAbsolute(r)) throw new ImportRootError(`${IMPORT_ROOTS_VARIABLE}: '${r}' is not an absolute path.`);
      const root = path.resolve(r);
      const why = this.refusal(root);
      if (why) throw new ImportRootError(`${IMPORT_ROOTS_VARIABLE}: ${root} cannot be an import root: ${why}.`);
      return root;
    });
    if (hostPath !== undefined) {
      const root = path.resolve(hostPath);
      const why = this.refusal(root) ?? this.refusal(resolveReal(root, fs, path) ?? root);
      if (why) throw new ImportRootError(`Cannot import ${root}: ${why}.`);
      this.roots.push(root);
    }
  }

  /**
   * The roots where they really are. A root that leads somewhere refused (a link to `/` or into
   * the data directory) is left out, as is one that cannot be resolved.
   */
  realRoots(): string[] {
    const out: string[] = [];
    for (const r of this.roots) {
      const real = resolveReal(r, fs, path);
      if (real && !this.refusal(real)) out.push(real);
    }
    return out;
  }

  /**
   * Checks the path of a `file://` source and returns where it really is. Outside every root
   * once its links are followed, it is refused with one message whether or not it exists;
   * inside, a missing path is said to be missing.
   */
  locate(given: string): string {
    if (!this.roots.length) {
      throw new LakeError(
        'InvalidImportSourceException',
        `file:// imports are turned off: set ${IMPORT_ROOTS_VARIABLE} to the directories imports may read (absolute paths, comma-separated).`,
      );
    }
    const p = path.resolve(given);
    const outside = new LakeError(
      'InvalidImportSourceException',
      `Import source ${p} is not under an import root (${IMPORT_ROOTS_VARIABLE}: ${this.roots.join(', ')}); imports read only there.`,
    );
    const real = resolveReal(p, fs, path);
    if (!real || this.refusal(real) || !this.realRoots().some((r) => isWithin(real, r))) throw outside;
    if (!fs.existsSync(real)) throw new LakeError('InvalidImportSourceException', `Import source ${p} does not exist.`);
    return real;
  }

  /** Why a (normalised, absolute) path may not be read by imports, if it may not. */
  private refusal(p: string): string | undefined {
    if (p === '/') return 'it is the file system root';
    const system = SYSTEM_DIRS.find((d) => isWithin(p, d));
    if (system) return `it is a system directory (${system})`;
    if (this.dataDirs.some((d) => isWithin(p, d))) return 'it is inside the data directory (TRAILBENCH_DATA_DIR)';
    if (this.dataDirs.some((d) => isWithin(d, p))) return 'it holds the data directory (TRAILBENCH_DATA_DIR)';
    return undefined;
  }
}
