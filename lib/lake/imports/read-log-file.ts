import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/**
 * Parses a CloudTrail log file's bytes into records: gzip or plain; `{"Records":[...]}` (what
 * trails write), a JSON array, a single record, or NDJSON. Throws with the reason and, for bad
 * JSON, the line.
 */
export class LogFileError extends Error {
  constructor(public readonly errorType: string, message: string) {
    super(message);
  }
}

/** A log file's bytes as plain text bytes; gzip is inflated on libuv's pool, off the main thread. */
export async function decompressLogFile(bytes: Buffer): Promise<Buffer> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return await gunzipAsync(bytes);
  } catch (e) {
    throw new LogFileError('DecompressionError', `not a readable gzip file: ${(e as Error).message}`);
  }
}

/**
 * A log file's records; `texts[i]`, where set, is the exact text record `i` was parsed from (a
 * record the file held compact), which the store keeps as its eventJson instead of serialising
 * the parsed record again.
 */
export interface LogRecords {
  records: Record<string, unknown>[];
  texts?: (string | undefined)[];
  /** SHA-256 (hex) of `texts[i]`, where the reader computed it. */
  checksums?: (string | undefined)[];
  /**
   * The file's bytes of `texts[i]` where the reader found them valid UTF-8 (where it hashed them):
   * writing them is writing `texts[i]`, without encoding the string again.
   */
  textBytes?: (Uint8Array | undefined)[];
}

/** Records of a log file's decompressed bytes; `spans` (from `recordSpans`) lets each record be parsed from its own text. */
export function parseLogFile(bytes: Buffer, spans?: ArrayLike<number>, checksums?: string): LogRecords {
  if (spans) return parseSpans(bytes, spans, checksums);
  const trimmed = bytes.toString('utf8').trim();
  if (!trimmed) throw new LogFileError('EmptyFile', 'the file is empty');
  try {
    return { records: recordsOf(JSON.parse(trimmed)) };
  } catch (e) {
    if (e instanceof LogFileError) throw e;
    if (trimmed.startsWith('{') && trimmed.includes('\n')) return { records: parseNdjson(trimmed) };
    throw new LogFileError('InvalidJson', `not valid JSON: ${(e as Error).message}`);
  }
}

function parseSpans(bytes: Buffer, spans: ArrayLike<number>, checksumText?: string): LogRecords {
  const records: Record<string, unknown>[] = [];
  const texts: (string | undefined)[] = [];
  const checksums: (string | undefined)[] = [];
  const textBytes: (Uint8Array | undefined)[] = [];
  for (let i = 0; i < spans.length; i += 3) {
    const text = bytes.toString('utf8', spans[i], spans[i + 1]);
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      throw new LogFileError('InvalidJson', `not valid JSON: record ${i / 3 + 1}: ${(e as Error).message}`);
    }
    if (!isObject(record)) continue;
    records.push(record);
    texts.push(spans[i + 2] ? text : undefined);
    const sum = spans[i + 2] && checksumText ? checksumText.slice((i / 3) * 64, (i / 3) * 64 + 64) : undefined;
    const hashed = sum && sum[0] !== '-';
    checksums.push(hashed ? sum : undefined);
    textBytes.push(hashed ? bytes.subarray(spans[i], spans[i + 1]) : undefined);
  }
  return { records, texts, checksums, textBytes };
}

function recordsOf(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isObject);
  if (isObject(v) && Array.isArray(v.Records)) return v.Records.filter(isObject);
  if (isObject(v) && 'eventTime' in v) return [v];
  throw new LogFileError('NotCloudTrail', 'JSON is neither {"Records": [...]}, an array of records, nor a record');
}

function parseNdjson(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(...recordsOf(JSON.parse(line)));
    } catch (e) {
      throw new LogFileError('InvalidJson', `line ${i + 1} is not valid JSON: ${(e as Error).message}`);
    }
  });
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
