/**
 * Records read from a log file, with what the reader learned of each, one array per attribute:
 * record `i` is element `i` of every array (a file can hold 100,000s of records, and columns cost
 * no object per record). Build one with `recordsOnly` or the reader; never push to one array alone.
 */
export interface RecordBatch<R = Record<string, unknown>> {
  /** Parsed records (an API caller may give anything: the spooler reports what is not a record as a failure). */
  records: R[];
  /** The exact text record `i` was parsed from, where the file held it compact: stored as its eventJson instead of serialising the record again. */
  texts: (string | undefined)[];
  /** SHA-256 (hex) of `texts[i]`, where the reader computed it. */
  checksums: (string | undefined)[];
  /** The file's bytes of `texts[i]`, where the reader found them valid UTF-8 (where it hashed them): writing them is writing `texts[i]` without encoding it again. */
  textBytes: (Uint8Array | undefined)[];
  /**
   * Where true, `records[i]` is only a view of the record in `textBytes[i]` (its eventID, its
   * eventTime and the fields asked for), which the reader checked: valid JSON, spelled as the
   * schema spells it, so it is stored as it is, unparsed (see `imports/record-spans.ts`).
   */
  verbatim: (true | undefined)[];
}

/** A batch of records with nothing known beyond them (PutAuditEvents, a whole-file parse). */
export function recordsOnly<R>(records: R[]): RecordBatch<R> {
  const none: undefined[] = new Array(records.length); // read only: every column is empty
  return { records, texts: none, checksums: none, textBytes: none, verbatim: none };
}

/** An empty batch to fill with `pushRecord`. */
export function emptyBatch(): RecordBatch {
  return { records: [], texts: [], checksums: [], textBytes: [], verbatim: [] };
}

export function pushRecord<R>(batch: RecordBatch<R>, record: R, known: { text?: string; checksum?: string; bytes?: Uint8Array; verbatim?: true } = {}): void {
  batch.records.push(record);
  batch.texts.push(known.text);
  batch.checksums.push(known.checksum);
  batch.textBytes.push(known.bytes);
  batch.verbatim.push(known.verbatim);
}
