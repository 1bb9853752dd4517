import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { LakeError } from '../errors';
import type { ReadResult } from './local-reader';
import { decompressLogFile, LogFileError, tooLarge } from './read-log-file';
import { recordSpans } from './record-spans';
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
  /** Every log file under the source; `signal` stops the listing (it then rejects). */
  list(signal?: AbortSignal): Promise<string[]>;
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
  constructor(readonly roots: ImportRoots, readonly limits: SourceLimits = DEFAULT_SOURCE_LIMITS) {}

  /** `shape`: the table shape of the store the records go to; with it, local files' records are checked for it (see `scanPlan`). */
  open(uri: string, opts: { s3Region?: string; shape?: TableShape } = {}): LogSource {
    if (uri.startsWith('file://')) return fileSource(uri, this.roots, this.limits, isLogFile, opts.shape);
    if (uri.startsWith('s3://')) return s3Source(uri, this.limits, opts.s3Region);
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

/** The UTC day in an archive path (`.../2024/05/01/...`), for StartEventTime/EndEventTime. */
export function dayOfPath(location: string): string | undefined {
  const m = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(location);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

// Objects are read and inflated on the main thread, with no checksums: their records are parsed, so unchecked.
function s3Source(uri: string, limits: SourceLimits, region?: string): LogSource {
  const m = /^s3:\/\/([a-z0-9.-]{3,63})(?:\/(.*))?$/.exec(uri);
  if (!m) throw new LakeError('InvalidImportSourceException', `'${uri}' is not a valid s3://bucket/prefix URI.`);
  const [, bucket, prefix = ''] = m;
  const s3 = new S3Client({ region: region ?? 'us-east-1' });
  return {
    uri,
    async list(signal) {
      const out: string[] = [];
      let token: string | undefined;
      let seen = 0;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }), { abortSignal: signal }).catch((e) => {
          throw unreachable(e, uri);
        });
        seen += page.KeyCount ?? page.Contents?.length ?? 0;
        if (seen > limits.maxListEntries) throw new LakeError('InvalidImportSourceException', `Import source ${uri} holds more than ${limits.maxListEntries.toLocaleString('en-US')} objects; import a narrower prefix.`);
        for (const o of page.Contents ?? []) if (o.Key && isLogFile(o.Key)) out.push(`s3://${bucket}/${o.Key}`);
        token = page.NextContinuationToken;
      } while (token);
      return out.sort();
    },
    fetch(locations) {
      return Promise.all(
        locations.map(async (file): Promise<ReadResult> => {
          try {
            const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: file.slice(`s3://${bucket}/`.length) }));
            if ((obj.ContentLength ?? 0) > limits.maxFileBytes) {
              obj.Body?.transformToWebStream().cancel().catch(() => undefined);
              throw tooLarge(limits.maxFileBytes);
            }
            const bytes = await decompressLogFile(Buffer.from(await obj.Body!.transformToByteArray()), limits.maxFileBytes);
            return { file, bytes, spans: recordSpans(bytes) };
          } catch (e) {
            return { file, errorType: e instanceof LogFileError ? e.errorType : 'ReadError', message: (unreachable(e, uri) as Error).message };
          }
        }),
      );
    },
    close() {
      s3.destroy();
    },
  };
}

/** A network failure (no answer from the endpoint at all) as an error that says so; S3's own errors pass unchanged. */
function unreachable(e: unknown, uri: string): unknown {
  if (!(e instanceof Error) || '$fault' in e || e.name === 'AbortError') return e;
  const code = (e as NodeJS.ErrnoException).code ?? e.name;
  return new LakeError('S3EndpointUnreachable', `S3: cannot reach the endpoint for ${uri} (${code}); nothing was read from it.`);
}
