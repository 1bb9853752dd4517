import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { recordSpans } from '../../lib/lake/imports/record-spans';
import { parseLogFile } from '../../lib/lake/imports/read-log-file';
import { LogFileReader } from '../../lib/lake/imports/log-file-reader';

const spans = (s: string) => recordSpans(Buffer.from(s));
const texts = (s: string) => {
  const b = Buffer.from(s);
  const r = recordSpans(b)!;
  return Array.from({ length: r.length / 3 }, (_, i) => [b.toString('utf8', r[3 * i], r[3 * i + 1]), r[3 * i + 2]]);
};

describe('finding the records of a trail log file without parsing it', () => {
  it('finds each record, whatever its strings hold', () => {
    expect(texts('{"Records":[{"a":1},{"b":"x}\\"{y","c":[1,{"d":"é]"}]}]}')).toEqual([
      ['{"a":1}', 1],
      ['{"b":"x}\\"{y","c":[1,{"d":"é]"}]}', 1],
    ]);
    expect(texts('{"Records":[{"a":"\\\\"},{"b":2}]}')).toEqual([
      ['{"a":"\\\\"}', 1],
      ['{"b":2}', 1],
    ]);
    expect(spans('{"Records":[]}')).toEqual([]);
  });

  it('marks a record laid out with whitespace as not compact', () => {
    expect(texts('\ufeff {\n "Records" : [\n  { "a": 1 },\n  {"b":"x y"}\n ]\n}\n')).toEqual([
      ['{ "a": 1 }', 0],
      ['{"b":"x y"}', 1],
    ]);
  });

  it('gives up on any other shape, which is then parsed whole', () => {
    for (const s of [
      '{"Records":[{"a":1}',
      '{"Records":[{"a":1}],"x":1}',
      '[{"a":1}]',
      '{"Records":[1,2]}',
      '{"a":1}\n{"a":2}\n',
      '{"Records":[{"a":"1}]}',
      '{"Records":[{"a":1}]}x',
      '',
    ])
      expect(spans(s), s).toBeUndefined();
  });

  it('parses the same records either way, and keeps the text only of compact ones', () => {
    const file = Buffer.from('{"Records":[{"eventID":"1","n":{"x":[1,2]}},{ "eventID": "2" }]}');
    const fast = parseLogFile(file, { spans: recordSpans(file)! });
    expect(fast.records).toEqual(parseLogFile(file).records);
    expect(fast.texts).toEqual(['{"eventID":"1","n":{"x":[1,2]}}', undefined]);
    expect(() => parseLogFile(Buffer.from('{"Records":[{"a":01}]}'), { spans: spans('{"Records":[{"a":01}]}')! })).toThrow(/not valid JSON: record 1/);
  });
});

describe('the reader thread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-reader-'));
  const reader = new LogFileReader({ roots: [fs.realpathSync(dir)], maxFileBytes: 2 ** 20 });
  afterAll(() => {
    reader.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads and inflates files with their record spans, and says why a file cannot be read', async () => {
    const body = '{"Records":[{"eventID":"a"},{"eventID":"b"}]}';
    fs.writeFileSync(path.join(dir, 'good.json.gz'), gzipSync(body));
    fs.writeFileSync(path.join(dir, 'plain.json'), '{"eventID":"c"}');
    fs.writeFileSync(path.join(dir, 'bad.json.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const [good, plain, bad, missing] = await reader.read(['good.json.gz', 'plain.json', 'bad.json.gz', 'missing.json.gz'].map((f) => path.join(dir, f)));
    expect(Buffer.from(good.bytes!).toString()).toBe(body);
    expect(Array.from(good.spans!)).toEqual(recordSpans(Buffer.from(body)));
    expect([Buffer.from(plain.bytes!).toString(), plain.spans]).toEqual(['{"eventID":"c"}', undefined]);
    expect(bad).toMatchObject({ errorType: 'DecompressionError', message: expect.stringMatching(/^not a readable gzip file/) });
    expect(missing).toMatchObject({ errorType: 'ReadError', message: expect.stringMatching(/ENOENT/) });
  });

  it("hashes each compact record's text, as its eventJsonChecksum, only where the bytes are that text", async () => {
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    fs.writeFileSync(path.join(dir, 'mixed.json'), '{"Records":[{"eventID":"é"},{ "eventID": "x" }]}');
    fs.writeFileSync(path.join(dir, 'latin1.json'), Buffer.concat([Buffer.from('{"Records":[{"eventID":"'), Buffer.from([0xe9]), Buffer.from('"}]}')]));
    const [mixed, latin1] = await reader.read([path.join(dir, 'mixed.json'), path.join(dir, 'latin1.json')]);
    const parsed = parseLogFile(Buffer.from(mixed.bytes!), { spans: mixed.spans!, checksums: mixed.checksums });
    expect(parsed.checksums).toEqual([sha('{"eventID":"é"}'), undefined]);
    // not UTF-8: the text the record was parsed from is not the file's bytes, so it is hashed from the text later
    expect(parseLogFile(Buffer.from(latin1.bytes!), { spans: latin1.spans!, checksums: latin1.checksums }).checksums).toEqual([undefined]);
  });
});
