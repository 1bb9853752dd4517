import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { LakeError } from '../errors';
import { LocalFileReader, type ReadResult } from './local-reader';
import { decompressLogFile, LogFileError } from './read-log-file';
import { recordSpans } from './record-spans';
import { scanPlan } from './scan-plan';
import type { TableShape } from '../schema';

export type { ReadResult };

/**
 * Where CloudTrail log files come from: `file:///dir` (a copy of the trail's archive on disk) or
 * `s3://bucket/prefix` (the trail's bucket, read with the AWS credential chain).
 */
export interface LogSource {
  uri: string;
  /** Every log file under the source, sorted (the archive layout sorts by account, region, date). */
  list(): Promise<string[]>;
  /** Files' bytes, decompressed; a file that cannot be read or inflated comes back with the reason. */
  fetch(locations: string[]): Promise<ReadResult[]>;
  /** Releases what reading holds (a local source's reader thread). */
  close(): void;
}

/** `shape`: the table shape of the store the records go to; with it, local files' records are checked for it (see `scanPlan`). */
export function openSource(uri: string, s3Region?: string, shape?: TableShape): LogSource {
  if (uri.startsWith('file://')) return fileSource(uri, shape);
  if (uri.startsWith('s3://')) return s3Source(uri, s3Region);
  throw new LakeError('InvalidImportSourceException', `Import source must be s3://bucket/prefix or file:///path; got '${uri}'.`);
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

function fileSource(uri: string, shape?: TableShape): LogSource {
  let root: string;
  try {
    root = fileURLToPath(uri);
  } catch {
    throw new LakeError('InvalidImportSourceException', `'${uri}' is not a valid file:// URI.`);
  }
  if (!fs.existsSync(root)) throw new LakeError('InvalidImportSourceException', `Import source ${root} does not exist.`);
  let reader: LocalFileReader | undefined;
  return {
    uri,
    async list() {
      const out: string[] = [];
      const isDirectory = (p: string) => {
        try {
          return fs.statSync(p).isDirectory();
        } catch {
          return false; // a dangling link or a file gone since the listing: reading it records a failure with its path
        }
      };
      // Entry types come with the listing; only links need a stat to see what they point to.
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          const p = path.join(dir, e.name);
          if (e.isDirectory() || (e.isSymbolicLink() && isDirectory(p))) walk(p);
          else if (isLogFile(p)) out.push(p);
        }
      };
      if (isDirectory(root)) walk(root);
      else if (isLogFile(root)) out.push(root);
      return out;
    },
    fetch(locations) {
      reader ??= new LocalFileReader(shape && scanPlan(shape));
      return reader.read(locations);
    },
    close() {
      reader?.close();
      reader = undefined;
    },
  };
}

// Objects are read and inflated on the main thread, with no checksums: their records are parsed, so unchecked.
function s3Source(uri: string, region?: string): LogSource {
  const m = /^s3:\/\/([a-z0-9.-]{3,63})(?:\/(.*))?$/.exec(uri);
  if (!m) throw new LakeError('InvalidImportSourceException', `'${uri}' is not a valid s3://bucket/prefix URI.`);
  const [, bucket, prefix = ''] = m;
  const s3 = new S3Client({ region: region ?? 'us-east-1' });
  return {
    uri,
    async list() {
      const out: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
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
            const bytes = await decompressLogFile(Buffer.from(await obj.Body!.transformToByteArray()));
            return { file, bytes, spans: recordSpans(bytes) };
          } catch (e) {
            return { file, errorType: e instanceof LogFileError ? e.errorType : 'ReadError', message: (e as Error).message };
          }
        }),
      );
    },
    close() {
      s3.destroy();
    },
  };
}
