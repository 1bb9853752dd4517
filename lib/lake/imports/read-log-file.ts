import { CHECKED, COMPACT, MAX_RECORD_DEPTH, SLOT_FALSE, SLOT_TRUE, TOO_DEEP } from './record-spans';
import { SCAN_SLOTS } from './scan-plan';
import { jsonErrorDetail, nestingBeyond } from './json-limits';
import { emptyBatch, pushRecord, recordsOnly, type RecordBatch } from '../ingest/record-batch';

/**
 * Parses a CloudTrail log file's bytes into records: gzip or plain; `{"Records":[...]}` (what
 * trails write), a JSON array, a single record, or NDJSON. Throws with the reason and, for bad
 * JSON, where: the record or line, and the byte or character. A message never quotes the file
 * (see `jsonErrorDetail`): whoever lists an import's failures need not be able to read it.
 */
export class LogFileError extends Error {
  constructor(
    public readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

/** A file over the per-file size cap (see `SourceLimits.maxFileBytes`). */
export const tooLarge = (maxBytes: number) =>
  new LogFileError('FileTooLarge', `larger than ${maxBytes.toLocaleString('en-US')} bytes (inflated), the limit per log file; not read further`);

/** Where a trail's file has its records (see `recordSpans`), and what is known of them. */
export interface FileScan {
  spans: ArrayLike<number>;
  /** Ints per record in `spans`; more than 3 when the scan had a plan (see `scan-plan.ts`). */
  stride?: number;
  /** SHA-256 (hex) of each compact record's text, 64 '-' where not computed. */
  checksums?: string;
  /** Fields a checked record's view holds besides eventID and eventTime; without them, every record is parsed. */
  viewFields?: readonly string[];
}

/** Records of a log file's decompressed bytes; `scan` lets each record be read from its own text. */
export function parseLogFile(bytes: Buffer, scan?: FileScan): RecordBatch {
  if (scan) return parseSpans(bytes, scan);
  // a file's records sit one or two levels down (`{"Records":[...]}`, an array, or none: NDJSON)
  const deep = nestingBeyond(bytes, MAX_RECORD_DEPTH + 2);
  if (deep >= 0) throw new LogFileError('TooDeep', `nested more than ${MAX_RECORD_DEPTH} levels deep at byte ${deep}`);
  const trimmed = bytes.toString('utf8').trim();
  if (!trimmed) throw new LogFileError('EmptyFile', 'the file is empty');
  try {
    return recordsOnly(recordsOf(JSON.parse(trimmed)));
  } catch (e) {
    if (e instanceof LogFileError) throw e;
    if (trimmed.startsWith('{') && trimmed.includes('\n')) return recordsOnly(parseNdjson(trimmed));
    throw new LogFileError('InvalidJson', `not valid JSON${jsonErrorDetail(e)}`);
  }
}

function parseSpans(bytes: Buffer, { spans, stride = 3, checksums: checksumText, viewFields }: FileScan): RecordBatch {
  const out = emptyBatch();
  // the view only needs slots, which a scan without a plan has none of
  const slotsOf = viewFields && stride > 3 ? ['eventID', 'eventTime', ...viewFields].map((f) => SCAN_SLOTS.indexOf(f as (typeof SCAN_SLOTS)[number])) : [];
  const viewable = slotsOf.length > 0 && !slotsOf.includes(-1);
  for (let i = 0, n = 0; i < spans.length; i += stride, n++) {
    const flags = spans[i + 2];
    if (flags & TOO_DEEP)
      throw new LogFileError('TooDeep', `record ${n + 1} (bytes ${spans[i]}-${spans[i + 1]}) is nested more than ${MAX_RECORD_DEPTH} levels deep`);
    const sum = flags & COMPACT && checksumText ? checksumText.slice(n * 64, n * 64 + 64) : undefined;
    const hashed = sum && sum[0] !== '-' ? sum : undefined;
    const view = viewable && hashed && flags & CHECKED ? viewOf(bytes, spans, i + 3, slotsOf) : undefined;
    if (view) {
      pushRecord(out, view, { checksum: hashed, bytes: bytes.subarray(spans[i], spans[i + 1]), verbatim: true });
      continue;
    }
    const text = bytes.toString('utf8', spans[i], spans[i + 1]);
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      throw new LogFileError('InvalidJson', `not valid JSON: record ${n + 1} (bytes ${spans[i]}-${spans[i + 1]})${jsonErrorDetail(e)}`);
    }
    if (!isObject(record)) continue;
    pushRecord(out, record, { text: flags & COMPACT ? text : undefined, checksum: hashed, bytes: hashed ? bytes.subarray(spans[i], spans[i + 1]) : undefined });
  }
  return out;
}

/** A checked record's view from its slots (`slotsOf[k]` is the slot of the k-th field); undefined unless its eventID and eventTime are strings. */
function viewOf(bytes: Buffer, spans: ArrayLike<number>, at: number, slotsOf: number[]): Record<string, unknown> | undefined {
  const view: Record<string, unknown> = {};
  for (let k = 0; k < slotsOf.length; k++) {
    const field = SCAN_SLOTS[slotsOf[k]];
    const start = spans[at + 2 * slotsOf[k]];
    if (start >= 0) view[field] = bytes.toString('utf8', start, spans[at + 2 * slotsOf[k] + 1]);
    else if (start === SLOT_TRUE || start === SLOT_FALSE) view[field] = start === SLOT_TRUE;
  }
  return typeof view.eventID === 'string' && view.eventID && typeof view.eventTime === 'string' ? view : undefined;
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
      throw new LogFileError('InvalidJson', `line ${i + 1} is not valid JSON${jsonErrorDetail(e)}`);
    }
  });
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
