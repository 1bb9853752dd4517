import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWindow } from '../../lib/alerts/window';
import { coverageOf } from '../../lib/detections/coverage';
import { detectionQuery } from '../../lib/detections/instantiate';
import { DETECTIONS } from '../../lib/detections';
import { TACTICS, TECHNIQUES } from '../../lib/detections/mitre';
import type { AdvancedEventSelector } from '../../lib/lake/storage/store-registry';
import { bindParameters } from '../../lib/parameters/bind';
import type { RawValue } from '../../lib/parameters/types';
import { finishedRows, tempLake } from '../helpers/temp-lake';

// Every detection against CloudTrail records that must fire it and near misses that must not,
// all in one built-in lake: each fixture's events sit in a month of their own, and a detection
// runs over its fixture's "fires" day and then its "silent" day.

interface Case {
  range: string;
  rows?: number;
  events: Record<string, unknown>[];
}
interface Fixture {
  detection: string;
  parameters?: Record<string, RawValue>;
  fires: Case;
  silent: Case;
}

const DIR = path.resolve('tests/detections/fixtures'); // tests run from the project root
const FIXTURES = new Map<string, Fixture>(
  fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const fx = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Fixture;
      return [fx.detection, fx];
    }),
);

let t: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  t = await tempLake([...FIXTURES.values()].flatMap((fx) => [...fx.fires.events, ...fx.silent.events]));
});
afterAll(() => t.close());

async function run(id: string, c: Case) {
  const d = DETECTIONS.find((x) => x.id === id)!;
  const { sql } = bindParameters(d.sql, d.parameters, { ...FIXTURES.get(id)!.parameters, range: c.range });
  return finishedRows(t.lake, sql, t.store.id);
}

describe('the detection library', () => {
  it('has at least 40 detections with unique kebab-case IDs, each with a fixture', () => {
    expect(DETECTIONS.length).toBeGreaterThanOrEqual(40);
    const ids = DETECTIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect([...FIXTURES.keys()].sort()).toEqual([...ids].sort());
  });

  it.each(DETECTIONS.map((d) => [d.id, d] as const))('%s is complete and consistent', (_id, d) => {
    for (const text of [d.title, d.description, d.falsePositives, d.runbook]) expect(text.length).toBeGreaterThan(10);
    expect(d.techniques.length).toBeGreaterThan(0);
    // each tactic is one the detection's techniques serve in ATT&CK
    for (const tactic of d.tactics) {
      expect(TACTICS[tactic]).toBeDefined();
      expect(
        d.techniques.some((tech) => (TECHNIQUES[tech].tactics as readonly string[]).includes(tactic)),
        `${tactic} for ${d.techniques}`,
      ).toBe(true);
    }
    expect(d.sql).toMatch(/\{\{start\}\}/);
    expect(d.sql).toMatch(/\{\{end\}\}/);
    // the defaults alone make a runnable statement
    expect(() => bindParameters(d.sql, d.parameters)).not.toThrow();
    // the events it says it needs are the events its fixtures fire on
    const fx = FIXTURES.get(d.id)!;
    for (const e of fx.fires.events) {
      const needed = d.events.some(
        (n) =>
          (n.source === '*' || n.source === e.eventSource) &&
          n.names.some((name) => name === '*' || name === e.eventName || (name.endsWith('*') && String(e.eventName).startsWith(name.slice(0, -1)))),
      );
      expect(needed, `${e.eventSource} ${e.eventName}`).toBe(true);
    }
  });

  it.each(DETECTIONS.map((d) => d.id))('%s fires on its positives', async (id) => {
    const fx = FIXTURES.get(id)!;
    expect(await run(id, fx.fires)).toHaveLength(fx.fires.rows!);
  });

  it.each(DETECTIONS.map((d) => d.id))('%s stays silent on its near misses', async (id) => {
    expect(await run(id, FIXTURES.get(id)!.silent)).toEqual([]);
  });

  it("as an alert rule's query: parameters filled once, the window at each run, same rows", async () => {
    const id = 'console-sign-in-failure-burst';
    const d = DETECTIONS.find((x) => x.id === id)!;
    const saved = detectionQuery(d, { threshold: '5' });
    expect(saved).toContain('HAVING count(*) >= 5');
    expect(saved).toContain('{{start}}');
    const [start, end] = FIXTURES.get(id)!
      .fires.range.split('/')
      .map((s) => new Date(`${s.replace(' ', 'T')}Z`));
    expect(await finishedRows(t.lake, fillWindow(saved, { start, end }), t.store.id)).toEqual(await run(id, FIXTURES.get(id)!.fires));
    expect(() => detectionQuery(d, { threshold: '0' })).toThrow(/threshold.*below the minimum, 1/);
  });

  it('per-event detections return the events that fired them', async () => {
    const rows = await run('admin-policy-attached', FIXTURES.get('admin-policy-attached')!.fires);
    const ids = FIXTURES.get('admin-policy-attached')!.fires.events.map((e) => e.eventID);
    expect(rows.map((r) => r[r.length - 1]).sort()).toEqual([...ids].sort());
  });
});

describe('coverage of a store', () => {
  const management: AdvancedEventSelector[] = [{ Name: 'm', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }];
  const withS3Data: AdvancedEventSelector[] = [
    ...management,
    {
      Name: 'd',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
      ],
    },
  ];
  const writeOnly: AdvancedEventSelector[] = [
    {
      Name: 'w',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Management'] },
        { Field: 'readOnly', Equals: ['false'] },
      ],
    },
  ];
  const byId = (id: string) => DETECTIONS.find((d) => d.id === id)!;

  it('says which detections need data events a store does not record', () => {
    const missing = DETECTIONS.filter((d) => coverageOf(d, management).status === 'missing').map((d) => d.id);
    expect(missing.sort()).toEqual(['s3-bulk-object-download', 's3-mass-object-deletion']);
    expect(coverageOf(byId('s3-mass-object-deletion'), withS3Data).status).toBe('recorded');
    expect(coverageOf(byId('s3-mass-object-deletion'), management).missing).toEqual(['s3.amazonaws.com DeleteObject', 's3.amazonaws.com DeleteObjects']);
  });

  it('a write-only store cannot see reads', () => {
    expect(coverageOf(byId('secrets-manager-bulk-read'), writeOnly).status).toBe('missing');
    expect(coverageOf(byId('cloudtrail-logging-stopped'), writeOnly).status).toBe('recorded');
    expect(coverageOf(byId('guardduty-findings-suppressed'), writeOnly).status).toBe('recorded');
  });
});
