import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWindow } from '../../lib/alerts/window';
import { bindParameters } from '../../lib/parameters/bind';
import { findPlaceholders } from '../../lib/parameters/placeholders';
import { sqlShape } from '../../lib/parameters/shape';
import { ParameterError, type ParameterSpec } from '../../lib/parameters/types';
import { finishedRows, tempLake } from '../helpers/temp-lake';

const NOW = new Date('2026-03-02T00:00:00Z');
const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ParameterError) return e.problems;
    throw e;
  }
  throw new Error('expected a ParameterError');
};

const HOSTILE = [
  "' OR 1=1 --",
  "x'\n-- comment\nOR eventName <> '",
  "x'; DROP TABLE users; --",
  '\u2019 OR 1=1 \u2018', // unicode quotes
  "''''",
  '*/ OR 1=1 /*',
  '{{user}}',
  "\\' OR 1=1 --",
  'a'.repeat(999) + "'",
];

describe('placeholders', () => {
  it('knows code from strings, quoted names and comments', () => {
    const sql = `SELECT "{{a}}" FROM t -- {{b}}\nWHERE x = {{c}} AND y LIKE '%{{d}}%' /* {{e}} */`;
    expect(findPlaceholders(sql).map((p) => [p.name, p.context])).toEqual([
      ['a', 'identifier'],
      ['b', 'comment'],
      ['c', 'code'],
      ['d', 'string'],
      ['e', 'comment'],
    ]);
  });
});

describe('typed values', () => {
  const sql = 'SELECT eventID FROM $EDS_ID WHERE sourceIPAddress = {{ip}} AND recipientAccountId = {{account}}';
  const specs: ParameterSpec[] = [
    { name: 'ip', type: 'ip' },
    { name: 'account', type: 'accountId', default: '111122223333' },
  ];

  it('quotes strings, writes numbers as numbers, timestamps as TIMESTAMP and lists in parentheses', () => {
    const out = bindParameters(
      "SELECT 1 FROM $EDS_ID WHERE a = {{t}} AND b > {{n}} AND c - {{neg}} > 0 AND d IN {{names}} AND eventTime >= {{start}} AND eventTime < {{end}} AND e = '{{start}}'",
      [
        { name: 't', type: 'text' },
        { name: 'n', type: 'number' },
        { name: 'neg', type: 'number' },
        { name: 'names', type: 'multiSelect' },
        { name: 'range', type: 'timeRange' },
      ],
      { t: "o'neil", n: '5', neg: '-2.5', names: ['a', "b'c"], range: '24h' },
      NOW,
    ).sql;
    expect(out).toBe(
      "SELECT 1 FROM $EDS_ID WHERE a = 'o''neil' AND b > 5 AND c - (-2.5) > 0 AND d IN ('a', 'b''c') " +
        "AND eventTime >= TIMESTAMP '2026-03-01 00:00:00.000' AND eventTime < TIMESTAMP '2026-03-02 00:00:00.000' AND e = '2026-03-01 00:00:00.000'",
    );
  });

  it('uses defaults and says which parameter is wrong and why', () => {
    expect(bindParameters(sql, specs, { ip: '2001:db8::1' }).sql).toContain("recipientAccountId = '111122223333'");
    expect(problemsOf(() => bindParameters(sql, specs, { ip: '10.0.0.300', account: '1234' }))).toEqual([
      { parameter: 'ip', message: "'10.0.0.300' is not an IPv4 or IPv6 address" },
      { parameter: 'account', message: "'1234' is not an AWS account ID (12 digits)" },
    ]);
    expect(problemsOf(() => bindParameters(sql, specs, {}))).toEqual([{ parameter: 'ip', message: 'needs a value (IP address)' }]);
  });

  it.each<[ParameterSpec, string, RegExp]>([
    [{ name: 'v', type: 'number', max: 100 }, '101', /above the maximum, 100/],
    [{ name: 'v', type: 'number' }, '1e9', /not a number/],
    [{ name: 'v', type: 'arn' }, 'arn:aws:iam:', /not an ARN/],
    [{ name: 'v', type: 'accessKeyId' }, 'AKIA123', /not an access key ID/],
    [{ name: 'v', type: 'timestamp' }, 'yesterday', /not a timestamp/],
    [{ name: 'v', type: 'oneOf', options: ['Root', 'IAMUser'] }, 'root', /not one of 'Root', 'IAMUser'/],
    [{ name: 'v', type: 'multiSelect', of: 'accountId' }, '111122223333, 12', /value 2 '12' is not an AWS account ID/],
    [{ name: 'v', type: 'multiSelect' }, ' , ', /needs at least one value/],
    [{ name: 'v', type: 'text' }, 'x'.repeat(1001), /1001 characters long; the limit is 1000/],
    [{ name: 'v', type: 'timeRange' }, '2026-03-02/2026-03-01', /not before its end/],
  ])('%j refuses %j', (spec, value, message) => {
    const where = spec.type === 'timeRange' ? 'eventTime > {{start}}' : 'x = {{v}}';
    const [p] = problemsOf(() => bindParameters(`SELECT 1 FROM t WHERE ${where}`, [spec], { v: value }, NOW));
    expect(p.parameter).toBe('v');
    expect(p.message).toMatch(message);
  });

  it('accepts well-formed values of every type', () => {
    const specs: ParameterSpec[] = [
      { name: 'a', type: 'arn' },
      { name: 'k', type: 'accessKeyId' },
      { name: 'ts', type: 'timestamp' },
      { name: 'o', type: 'oneOf', options: ['Root', 'IAMUser'] },
      { name: 'm', type: 'multiSelect', of: 'ip' },
    ];
    const out = bindParameters('SELECT 1 FROM t WHERE a = {{a}} AND k = {{k}} AND t > {{ts}} AND o = {{o}} AND ip IN {{m}}', specs, {
      a: 'arn:aws:iam::111122223333:role/Admin',
      k: 'AKIAIOSFODNN7EXAMPLE',
      ts: '2026-03-01T12:00:00Z',
      o: 'Root',
      m: '192.0.2.1\n2001:db8::1',
    }).sql;
    expect(out).toContain("t > TIMESTAMP '2026-03-01 12:00:00.000'");
    expect(out).toContain("ip IN ('192.0.2.1', '2001:db8::1')");
  });

  it('reads only the given values, never inherited ones', () => {
    expect(problemsOf(() => bindParameters('SELECT 1 FROM t WHERE a = {{constructor}}', [{ name: 'constructor', type: 'text' }], {}))).toEqual([
      { parameter: 'constructor', message: 'needs a value (text)' },
    ]);
  });

  it('refuses placeholders nobody defined, in quoted names, and where no literal can go', () => {
    expect(problemsOf(() => bindParameters('SELECT {{x}} FROM t', []))).toEqual([{ parameter: 'x', message: 'at 1:8 is not a defined parameter' }]);
    expect(problemsOf(() => bindParameters('SELECT "{{x}}" FROM t', [{ name: 'x', type: 'text', default: 'a' }]))[0].message).toMatch(/inside a quoted name/);
    expect(problemsOf(() => bindParameters('SELECT 1 FROM {{x}}', [{ name: 'x', type: 'text', default: 'a' }]))[0].message).toMatch(/only where a literal can/);
    expect(
      problemsOf(() => bindParameters('SELECT 1 FROM t ORDER BY 1 {{x}}', [{ name: 'x', type: 'oneOf', options: ['DESC'], default: 'DESC' }]))[0].message,
    ).toMatch(/does not parse/);
  });
});

describe('hostile values never change the statement', () => {
  const template = "SELECT eventID FROM $EDS_ID WHERE userIdentity.userName = {{user}} AND eventName LIKE '%{{user}}%' AND eventName IN {{names}}";
  const specs: ParameterSpec[] = [
    { name: 'user', type: 'text' },
    { name: 'names', type: 'multiSelect' },
  ];
  const shape = sqlShape(template.replaceAll('{{user}}', "'x'").replace("'%'x'%'", "'%x%'").replace('{{names}}', "('x', 'x')"));

  it.each(HOSTILE)('%j stays one literal', (value) => {
    const out = bindParameters(template, specs, { user: value, names: [value, 'ok'] }).sql;
    expect(sqlShape(out)).toBe(shape);
  });

  it('the shape check sees a value that escapes its quotes', () => {
    const naive = template.replaceAll('{{user}}', "x' OR 1=1 --").replace('{{names}}', "('x', 'x')");
    expect(sqlShape(naive.replace("= x'", "= 'x'"))).not.toBe(shape);
  });

  it('a negative number cannot open a comment', () => {
    const out = bindParameters('SELECT 1 FROM t WHERE a -{{n}} > 0 AND b = 1', [{ name: 'n', type: 'number' }], { n: '-1' }).sql;
    expect(out).toBe('SELECT 1 FROM t WHERE a -(-1) > 0 AND b = 1');
  });
});

describe('on the lake', () => {
  let t: Awaited<ReturnType<typeof tempLake>>;
  const base = { eventVersion: '1.09', eventType: 'AwsApiCall', eventSource: 'iam.amazonaws.com', awsRegion: 'us-east-1', recipientAccountId: '111122223333' };
  beforeAll(async () => {
    t = await tempLake([
      {
        ...base,
        eventID: 'e1',
        eventTime: '2026-03-01T10:00:00Z',
        eventName: 'ListUsers',
        sourceIPAddress: '203.0.113.7',
        userIdentity: { type: 'IAMUser', userName: "o'neil" },
      },
      {
        ...base,
        eventID: 'e2',
        eventTime: '2026-03-01T11:00:00Z',
        eventName: 'CreateUser',
        sourceIPAddress: '198.51.100.1',
        userIdentity: { type: 'IAMUser', userName: 'alice' },
      },
      {
        ...base,
        eventID: 'e3',
        eventTime: '2026-02-01T11:00:00Z',
        eventName: 'CreateUser',
        sourceIPAddress: '198.51.100.1',
        userIdentity: { type: 'IAMUser', userName: 'alice' },
      },
    ]);
  });
  afterAll(() => t.close());
  const sql = 'SELECT eventID FROM $EDS_ID WHERE userIdentity.userName = {{user}} AND eventTime >= {{start}} AND eventTime < {{end}} ORDER BY eventID';
  const specs: ParameterSpec[] = [
    { name: 'user', type: 'text' },
    { name: 'range', type: 'timeRange', default: '7d' },
  ];
  const run = async (user: string) => {
    return (await finishedRows(t.lake, bindParameters(sql, specs, { user }, NOW).sql, t.store.id)).map((row) => row[0]);
  };

  it('finds exactly the value given, inside the time range', async () => {
    expect(await run("o'neil")).toEqual(['e1']);
    expect(await run('alice')).toEqual(['e2']);
  });

  it.each(HOSTILE)('%j matches nothing', async (value) => {
    expect(await run(value)).toEqual([]);
  });

  it('alert windows fill {{window_start}} in strings and {{start}} in code', async () => {
    const w = { start: new Date('2026-03-01T10:30:00Z'), end: new Date('2026-03-01T12:00:00Z') };
    const filled = fillWindow("SELECT eventID FROM $EDS_ID WHERE eventTime >= '{{window_start}}' AND eventTime < {{end}}", w);
    expect(filled).toContain("'2026-03-01 10:30:00.000'");
    expect((await finishedRows(t.lake, filled, t.store.id)).map((row) => row[0])).toEqual(['e2']);
  });
});
