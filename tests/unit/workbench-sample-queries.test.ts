import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { SAMPLE_QUERIES, searchSampleQueries } from '../../lib/workbench/sample-queries';
import { loadFixture, query, tempLake } from '../helpers/temp-lake';

// Every sample query runs on the real lake: the fixture (2017 events) plus a few thousand fresh
// demo events, so the eventTime-bounded queries see rows too.
let t: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  const end = new Date();
  const fresh = [...generateEvents({ count: 4000, start: new Date(end.getTime() - 6 * 86_400_000), end, seed: 7 })];
  t = await tempLake([...loadFixture(), ...fresh]);
});
afterAll(() => t.close());

describe('sample queries', () => {
  it('have unique ids and read FROM $EDS_ID with an eventTime bound', () => {
    expect(new Set(SAMPLE_QUERIES.map((s) => s.id)).size).toBe(SAMPLE_QUERIES.length);
    for (const s of SAMPLE_QUERIES) {
      expect(s.sql, s.id).toContain('FROM $EDS_ID');
      expect(s.sql, s.id).toMatch(/eventTime\s*(>=?|BETWEEN)\s*date_add\('(day|hour)', -\d+, now\(\)\)/);
    }
  });

  it.each(SAMPLE_QUERIES.map((s) => [s.id, s] as const))('%s reaches FINISHED', async (_id, sample) => {
    const r = await query(t.lake, sample.sql, t.store.id);
    expect(r.status, r.error).toBe('FINISHED');
  });

  it('most samples find something in fresh demo data', async () => {
    const withRows: string[] = [];
    for (const s of SAMPLE_QUERIES) {
      const r = await query(t.lake, s.sql, t.store.id);
      if (r.rows.length > 0) withRows.push(s.id);
    }
    expect(withRows).toContain('freshest-event');
    expect(withRows).toContain('top-api-calls');
    expect(withRows.length).toBeGreaterThan(SAMPLE_QUERIES.length / 2);
  });
});

describe('searchSampleQueries', () => {
  it('matches every word across title, tags and SQL', () => {
    expect(searchSampleQueries('').length).toBe(SAMPLE_QUERIES.length);
    expect(searchSampleQueries('root').map((s) => s.id)).toContain('root-activity');
    expect(searchSampleQueries('console MFA').map((s) => s.id)).toEqual(['console-logins-without-mfa']);
    expect(searchSampleQueries('StopLogging').map((s) => s.id)).toEqual(['cloudtrail-tampering']);
    expect(searchSampleQueries('no-such-thing-anywhere')).toEqual([]);
  });
});
