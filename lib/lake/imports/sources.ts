import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { LakeError } from '../errors';
import { LogFileReader, type ReadResult } from './log-file-reader';
import { LogFileError, tooLarge } from './read-log-file';
import { scanPlan } from './scan-plan';
import { fileSource } from './local-source';
import type { ImportRoots } from './import-roots';
import type { TableShape } from '../schema';

export type { ReadResult };

/**
 * Where CloudTrail log files come from: `file:///dir` (a copy of the trail's archive on disk,
 * under an import root) or `s3://bucket/prefix` (the trail's bucket, read with the AWS credential chain).
 */
export interface LogSource {
  uri: string;
  /**
   * Every log file under the source; `signal` stops the listing (it then rejects). With `since`
   * (YYYY-MM-DD), archive date folders (`YYYY/MM/DD`) wholly before it are not listed: a follow
   * check reads the days a trail is writing, not months of history. An S3 source lists each of
   * `dateRoots` (the prefixes that hold date folders, see `dateRootOf`) from that day on, and
   * the whole prefix without them.
   */
  list(signal?: AbortSignal, opts?: { since?: string; dateRoots?: readonly string[] }): Promise<string[]>;
  /** Files' bytes, decompressed; a file that cannot be read or inflated comes back with the reason. */
  fetch(locations: string[]): Promise<ReadResult[]>;
  /** Releases what reading holds (a local source's reader thread). */
  close(): void;
}

/** What one import may read. */
export interface SourceLimits {
  /** Bytes of one log file, inflated: a larger file fails alone, and is not inflated past this. */
  maxFileBytes: number;
  /** Files and directories a local source's listing may visit. */
  maxListEntries: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = { maxFileBytes: 256 * 2 ** 20, maxListEntries: 2_000_000 };

/** Opens import sources under the lake's rules: local files only inside the import roots, every file size-capped. */
export class LogSources {
  constructor(
    readonly roots: ImportRoots,
    readonly limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
  ) {}

  /** `shape`: the table shape of the store the records go to; with it, local files' records are checked for it (see `scanPlan`). */
  open(uri: string, opts: { s3Region?: string; shape?: TableShape } = {}): LogSource {
    if (uri.startsWith('file://')) return fileSource(uri, this.roots, this.limits, isLogFile, opts.shape);
    if (uri.startsWith('s3://')) return s3Source(uri, this.limits, opts.s3Region, opts.shape);
    throw new LakeError('InvalidImportSourceException', `Import source must be s3://bucket/prefix or file:///path; got '${uri}'.`);
  }

  /** Refuses a source that cannot be opened (a bad URI, a path outside the roots), as StartImport does at once. */
  check(uri: string, s3Region?: string): void {
    this.open(uri, { s3Region }).close();
  }
}

/** Log files only: .json, .json.gz, .jsonl, .ndjson, .gz — never CloudTrail digest files. */
export function isLogFile(location: string): boolean {
  const base = location.split('/').pop() ?? '';
  if (/CloudTrail-Digest/i.test(location)) return false;
  return /\.(json|jsonl|ndjson)(\.gz)?$/i.test(base) || /\.gz$/i.test(base);
}

/**
 * A bucket's prefix, read with the AWS credential chain. Objects are fetched here and handed to
 * the reader thread, which inflates, checks and hashes them as it does local files: their
 * records take the same fast path.
 */
function s3Source(uri: string, limits: SourceLimits, region?: string, shape?: TableShape): LogSource {
  const m = /^s3:\/\/([a-z0-9.-]{3,63})(?:\/(.*))?$/.exec(uri);
  if (!m) throw new LakeError('InvalidImportSourceException', `'${uri}' is not a valid s3://bucket/prefix URI.`);
  const [, bucket, prefix = ''] = m;
  const s3 = new S3Client({ region: region ?? 'us-east-1' });
  let reader: LogFileReader | undefined;
  const failed = (file: string, e: unknown): ReadResult => ({
    file,
    errorType: e instanceof LogFileError ? e.errorType : 'ReadError',
    message: (unreachable(e, uri) as Error).message,
  });
  return {
    uri,
    async list(signal, opts = {}) {
      const out: string[] = [];
      let seen = 0;
      const listFrom = async (at: string, startAfter?: string) => {
        let token: string | undefined;
        do {
          const page = await s3
            .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: at, StartAfter: token ? undefined : startAfter, ContinuationToken: token }), {
              abortSignal: signal,
            })
            .catch((e) => {
              throw unreachable(e, uri);
            });
          seen += page.KeyCount ?? page.Contents?.length ?? 0;
          if (seen > limits.maxListEntries)
            throw new LakeError(
              'InvalidImportSourceException',
              `Import source ${uri} holds more than ${limits.maxListEntries.toLocaleString('en-US')} objects; import a narrower prefix.`,
            );
          for (const o of page.Contents ?? []) if (o.Key && isLogFile(o.Key)) out.push(`s3://${bucket}/${o.Key}`);
          token = page.NextContinuationToken;
        } while (token);
      };
      // with `since`, each date root is listed from that day on: keys sort by date under it
      const roots = opts.since
        ? (opts.dateRoots ?? []).filter((r) => r.startsWith(`s3://${bucket}/${prefix}`)).map((r) => r.slice(`s3://${bucket}/`.length))
        : [];
      if (!roots.length) await listFrom(prefix);
      for (const root of roots) await listFrom(root, root + opts.since!.replaceAll('-', '/'));
      return out.sort();
    },
    async fetch(locations) {
      const got = await Promise.all(
        locations.map(async (file): Promise<{ file: string; bytes: Uint8Array } | ReadResult> => {
          try {
            const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: file.slice(`s3://${bucket}/`.length) }));
            if ((obj.ContentLength ?? 0) > limits.maxFileBytes) {
              obj.Body?.transformToWebStream()
                .cancel()
                .catch(() => undefined);
              throw tooLarge(limits.maxFileBytes);
            }
            return { file, bytes: await obj.Body!.transformToByteArray() };
          } catch (e) {
            return failed(file, e);
          }
        }),
      );
      const objects = got.filter((g): g is { file: string; bytes: Uint8Array } => g.bytes !== undefined);
      reader ??= new LogFileReader({ plan: shape && scanPlan(shape), roots: [], maxFileBytes: limits.maxFileBytes });
      const scanned = new Map((await reader.scan(objects)).map((r) => [r.file, r]));
      return got.map((g) => scanned.get(g.file) ?? (g as ReadResult));
    },
    close() {
      s3.destroy();
      reader?.close();
      reader = undefined;
    },
  };
}

/** A network failure (no answer from the endpoint at all) as an error that says so; S3's own errors pass unchanged. */
function unreachable(e: unknown, uri: string): unknown {
  if (!(e instanceof Error) || '$fault' in e || e.name === 'AbortError') return e;
  const code = (e as NodeJS.ErrnoException).code ?? e.name;
  return new LakeError('S3EndpointUnreachable', `S3: cannot reach the endpoint for ${uri} (${code}); nothing was read from it.`);
}
