import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/http/errors';
import { fillRunSql, runParametersInput } from '../../lib/workbench/run-parameters';

const NOW = new Date('2026-03-02T00:00:00Z');
const SQL =
  'SELECT eventID FROM $EDS_ID WHERE sourceIPAddress = {{ip}} AND userIdentity.userName = {{user}} AND eventTime >= {{start}} AND eventTime < {{end}}';
const specs = [
  { name: 'ip', type: 'ip' as const },
  { name: 'user', type: 'text' as const },
  { name: 'time', type: 'timeRange' as const, default: '24h' },
];

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (ApiError.is(e)) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
};

describe('a workbench run with parameters', () => {
  it('runs the filled statement and keeps the values it was filled with (defaults included)', () => {
    const out = fillRunSql(SQL, { specs, values: { ip: '203.0.113.9', user: "o'neil" } }, NOW);
    expect(out.sql).toBe(
      "SELECT eventID FROM $EDS_ID WHERE sourceIPAddress = '203.0.113.9' AND userIdentity.userName = 'o''neil' AND eventTime >= TIMESTAMP '2026-03-01 00:00:00.000' AND eventTime < TIMESTAMP '2026-03-02 00:00:00.000'",
    );
    expect(out.values).toEqual({ ip: '203.0.113.9', user: "o'neil", time: '24h' });
  });

  it('refuses a hostile value for an IP, naming the parameter, before anything runs', () => {
    const e = refusal(() => fillRunSql(SQL, { specs, values: { ip: "' OR 1=1 --", user: 'a' } }, NOW));
    expect(e.type).toBe('ParameterInvalid');
    expect(e.status).toBe(400);
    expect(e.detail).toEqual({ problems: [{ parameter: 'ip', message: "'' OR 1=1 --' is not an IPv4 or IPv6 address" }] });
  });

  it('quotes a hostile text value as one string literal', () => {
    const out = fillRunSql(SQL, { specs, values: { ip: '203.0.113.9', user: "x'\n-- c\nOR 1=1 --" } }, NOW);
    expect(out.sql).toContain("userIdentity.userName = 'x''\n-- c\nOR 1=1 --' AND");
  });

  it('lists every missing value; SQL without parameters passes as written', () => {
    const e = refusal(() => fillRunSql(SQL, { specs, values: {} }, NOW));
    expect((e.detail!.problems as { parameter: string }[]).map((p) => p.parameter)).toEqual(['ip', 'user']);
    expect(fillRunSql('SELECT 1', undefined)).toEqual({ sql: 'SELECT 1' });
  });

  it('limits what a request may carry', () => {
    expect(runParametersInput.safeParse({ specs, values: { user: 'x'.repeat(1001) } }).success).toBe(false);
    expect(runParametersInput.safeParse({ specs: Array.from({ length: 51 }, (_, i) => ({ name: `p${i}`, type: 'text' })), values: {} }).success).toBe(false);
    expect(runParametersInput.safeParse({ specs: [{ name: 'x', type: 'sql' }], values: {} }).success).toBe(false);
  });
});
