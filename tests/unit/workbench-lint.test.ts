import { describe, expect, it } from 'vitest';
import { lintQuery, mapFieldPaths, tokenize, type LintContext } from '../../lib/workbench/lint';
import { SAMPLE_QUERIES } from '../../lib/workbench/sample-queries';

const NOW = new Date('2026-11-27T12:00:00Z');
const STORE = { id: 'd2b1f3a4-0000-4000-8000-000000000001', name: 'demo', retentionPeriod: 366 };
const ctx: LintContext = { store: STORE, now: NOW };
const rules = (sql: string, c: LintContext = ctx) => lintQuery(sql, c).map((i) => i.rule);
const BOUND = `eventTime > date_add('day', -7, now())`;

describe('tokenize', () => {
  it('keeps strings and quoted names whole and drops comments', () => {
    const t = tokenize(`SELECT "a b", 'x -- y' -- gone\nFROM $EDS_ID /* gone */ WHERE n >= 1.5`);
    expect(t.map((x) => x.text)).toEqual(['SELECT', '"a b"', ',', "'x -- y'", 'FROM', '$EDS_ID', 'WHERE', 'n', '>=', '1.5']);
    expect(t[1].kind).toBe('ident');
    expect(t[3].kind).toBe('string');
    expect(t[5].kind).toBe('param');
  });
});

describe('no eventTime bound', () => {
  it('warns when a store is read without a lower bound', () => {
    const issues = lintQuery('SELECT eventName FROM $EDS_ID', ctx);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ rule: 'no-time-bound', severity: 'warning' });
    expect('SELECT eventName FROM $EDS_ID'.slice(issues[0].start, issues[0].end)).toBe('FROM $EDS_ID');
  });

  it.each([
    BOUND,
    `eventTime >= '2026-11-01 00:00:00'`,
    `t.eventTime > now() - interval '3' day`,
    `eventTime BETWEEN timestamp '2026-11-01 00:00:00' AND timestamp '2026-11-02 00:00:00'`,
    `date_add('hour', -1, now()) < eventTime`,
    `'2026-11-20' <= eventTime`,
    `(eventName = 'X' AND eventTime > current_timestamp - INTERVAL '1' HOUR)`,
  ])('accepts %s', (cond) => {
    expect(rules(`SELECT eventName FROM $EDS_ID t WHERE ${cond}`)).toEqual([]);
  });

  it('does not count an upper bound alone, a bound in a comment or string, or a struct field', () => {
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE eventTime < now()`)).toEqual(['no-time-bound']);
    expect(rules(`SELECT 1 FROM $EDS_ID -- WHERE ${BOUND}`)).toEqual(['no-time-bound']);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE eventName = 'eventTime > now()'`)).toEqual(['no-time-bound']);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE userIdentity.sessionContext.attributes.creationDate > now()`)).toEqual(['no-time-bound']);
  });

  it('ignores queries that read no store', () => {
    expect(rules(`SELECT 1`)).toEqual([]);
    expect(rules(`SELECT extract(hour FROM now())`)).toEqual([]);
    expect(rules(`SELEC 1`)).toEqual([]);
  });
});

describe('retention', () => {
  it('warns when the window starts before the store keeps events', () => {
    const issues = lintQuery(`SELECT 1 FROM $EDS_ID WHERE eventTime > date_add('day', -400, now())`, ctx);
    expect(issues.map((i) => i.rule)).toEqual(['beyond-retention']);
    expect(issues[0].message).toContain('400 days');
    expect(issues[0].message).toContain('366 days');
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE eventTime >= '2020-01-01 00:00:00'`)).toEqual(['beyond-retention']);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE eventTime > now() - interval '2' year`)).toEqual(['beyond-retention']);
  });

  it('is quiet inside retention or when retention is unknown', () => {
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE eventTime > date_add('day', -365, now())`)).toEqual([]);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE eventTime > date_add('day', -4000, now())`, { store: { id: 'x' }, now: NOW })).toEqual([]);
  });

  it('warns about a window that starts in the future', () => {
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE eventTime > date_add('day', 1, now())`)).toEqual(['future-window']);
  });
});

describe('SELECT * on a data-event store', () => {
  const dataStore: LintContext = { store: { ...STORE, eventCategories: ['Management', 'Data'] }, now: NOW };
  it('warns only when the store has data events', () => {
    expect(rules(`SELECT * FROM $EDS_ID WHERE ${BOUND}`, dataStore)).toEqual(['select-star-data']);
    expect(rules(`SELECT DISTINCT * FROM $EDS_ID WHERE ${BOUND}`, dataStore)).toEqual(['select-star-data']);
    expect(rules(`SELECT count(*) FROM $EDS_ID WHERE ${BOUND}`, dataStore)).toEqual([]);
    expect(rules(`SELECT * FROM $EDS_ID WHERE ${BOUND}`, { store: { ...STORE, eventCategories: ['Management'] }, now: NOW })).toEqual([]);
    expect(rules(`SELECT * FROM $EDS_ID WHERE ${BOUND}`)).toEqual([]); // category unknown
  });
});

describe('placeholders', () => {
  it('flags <...>, ${...} and unknown $NAMES as errors', () => {
    const issues = lintQuery(
      `SELECT 1 FROM <event data store ID> WHERE ${BOUND} AND userIdentity.arn = '<role-arn>' AND x = \${value} AND y = $ACCOUNT_ID`,
      ctx,
    );
    expect(issues.map((i) => [i.rule, i.severity])).toEqual([
      ['placeholder', 'error'],
      ['placeholder', 'error'],
      ['placeholder', 'error'],
      ['placeholder', 'error'],
    ]);
    expect(issues.map((i) => i.message).join(' ')).toMatch(/<event data store ID>.*<role-arn>.*\$\{value\}.*\$ACCOUNT_ID/s);
  });

  it('flags $EDS_ID only when no store is picked', () => {
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND}`)).toEqual([]);
    const issues = lintQuery(`SELECT 1 FROM $EDS_ID WHERE ${BOUND}`, { now: NOW });
    expect(issues.map((i) => i.rule)).toEqual(['placeholder']);
    expect(issues[0].message).toMatch(/no event data store is picked/i);
  });

  it('does not mistake comparisons, comments or other strings for placeholders', () => {
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND a <b AND c> d`)).toEqual([]);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND n<limit AND m>2`)).toEqual([]);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} -- replace <role-arn> and \${x}`)).toEqual([]);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND errorMessage = 'a < b > c'`)).toEqual([]);
  });
});

describe('LIKE on a map column', () => {
  it('flags map columns and nested maps, qualified or not', () => {
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND requestParameters LIKE '%bucket%'`)).toEqual(['like-on-map']);
    expect(rules(`SELECT 1 FROM $EDS_ID t WHERE ${BOUND} AND t.responseElements NOT LIKE '%x%'`)).toEqual(['like-on-map']);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND eventContext.requestContext LIKE '%x%'`)).toEqual(['like-on-map']);
    const issue = lintQuery(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND requestParameters LIKE '%b%'`, ctx)[0];
    expect(issue.severity).toBe('error');
    expect(issue.message).toContain("element_at(requestParameters, 'key')");
  });

  it('leaves element_at(...) LIKE and string columns alone', () => {
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND element_at(requestParameters, 'bucketName') LIKE 'logs%'`)).toEqual([]);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND userAgent LIKE '%aws-cli%'`)).toEqual([]);
    expect(rules(`SELECT 1 FROM $EDS_ID WHERE ${BOUND} AND eventName = 'requestParameters LIKE'`)).toEqual([]);
  });

  it('knows the map columns from the schema', () => {
    expect(mapFieldPaths('cloudtrail')).toEqual(
      expect.arrayContaining(['requestparameters', 'responseelements', 'additionaleventdata', 'eventcontext.requestcontext']),
    );
  });
});

describe('sample queries', () => {
  it('pass the lint with a store picked', () => {
    for (const s of SAMPLE_QUERIES) expect(lintQuery(s.sql, { store: { ...STORE, eventCategories: ['Management', 'Data'] } }), s.id).toEqual([]);
  });
});
