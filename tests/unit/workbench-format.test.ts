import { describe, expect, it } from 'vitest';
import { formatSql } from '../../components/editor/format-sql';
import { SAMPLE_QUERIES } from '../../lib/workbench/sample-queries';

describe('formatSql', () => {
  it('puts clauses, select items and conditions on their own lines', () => {
    const sql = `select eventName, count(*) as n from $EDS_ID where eventTime > date_add('day', -7, now()) and errorCode is not null group by eventName order by n desc limit 10`;
    expect(formatSql(sql)).toBe(`SELECT
  eventName,
  count(*) AS n
FROM $EDS_ID
WHERE eventTime > date_add('day', -7, now())
  AND errorCode IS NOT NULL
GROUP BY eventName
ORDER BY n DESC
LIMIT 10`);
  });

  it('keeps BETWEEN ... AND together, strings and comments verbatim', () => {
    const sql = `SELECT eventName FROM $EDS_ID -- the store\nWHERE eventTime BETWEEN '2026-01-01 00:00:00' and '2026-01-02 00:00:00' AND eventName = 'select from where' /* keep */`;
    expect(formatSql(sql)).toBe(`SELECT eventName
FROM $EDS_ID -- the store
WHERE eventTime BETWEEN '2026-01-01 00:00:00' AND '2026-01-02 00:00:00'
  AND eventName = 'select from where' /* keep */`);
  });

  it('indents subqueries and keeps store IDs, struct paths and signs intact', () => {
    const sql = `SELECT count(*) FROM 5e4a1b2c-0000-4000-8000-00000000abcd WHERE eventTime >= (SELECT date_add('minute', -10, max(eventTime)) FROM $EDS_ID WHERE eventTime > now() - interval '1' day) AND userIdentity.sessionContext.sessionIssuer.type = 'Role' AND x = - 1`;
    const out = formatSql(sql);
    expect(out).toBe(`SELECT count(*)
FROM 5e4a1b2c-0000-4000-8000-00000000abcd
WHERE eventTime >= (
  SELECT date_add('minute', -10, max(eventTime))
  FROM $EDS_ID
  WHERE eventTime > now() - INTERVAL '1' DAY
)
  AND userIdentity.sessionContext.sessionIssuer.type = 'Role'
  AND x = -1`);
  });

  it('does not upper-case field names that are keywords after a dot', () => {
    expect(formatSql('select t.date, t.end from x t')).toBe('SELECT\n  t.date,\n  t.end\nFROM x t');
  });

  it('is idempotent and never glues tokens into comments', () => {
    for (const sql of ['SELECT 5 - -3', 'SELECT a/ *b FROM x', 'SELECT 1 -- c\n, 2', ...SAMPLE_QUERIES.map((s) => s.sql)]) {
      const once = formatSql(sql);
      expect(formatSql(once), sql).toBe(once);
      expect(once.replace(/\s+/g, '').toLowerCase()).toBe(sql.replace(/\s+/g, '').toLowerCase());
    }
  });
});
