import { describe, expect, it } from 'vitest';
import { fieldsFor } from '../../lib/lake/schema';
import { FUNCTIONS } from '../../lib/lake/sql/functions';
import { completionContext } from '../../components/editor/completion-context';
import { displayName } from '../../components/editor/field-names';
import { FUNCTION_DOCS } from '../../components/editor/function-docs';
import { mapKeysFor } from '../../components/editor/map-keys';
import { expressionFor, mapFieldAt, membersAfter, resolvePath } from '../../components/editor/schema-paths';

const fields = fieldsFor('cloudtrail');

describe('completionContext', () => {
  it('finds struct paths after a dot, with or without a table alias', () => {
    expect(completionContext('SELECT userIdentity.')).toEqual({ kind: 'member', path: ['useridentity'], prefix: '' });
    expect(completionContext('SELECT t.userIdentity.sessionContext.sess')).toEqual({
      kind: 'member',
      path: ['t', 'useridentity', 'sessioncontext'],
      prefix: 'sess',
    });
    expect(completionContext('SELECT "userIdentity".')).toEqual({ kind: 'member', path: ['useridentity'], prefix: '' });
  });

  it("finds map keys inside element_at(col, '", () => {
    expect(completionContext("WHERE element_at(requestParameters, '")).toEqual({ kind: 'map-key', path: ['requestparameters'], prefix: '' });
    expect(completionContext("WHERE element_at( t.additionalEventData , 'MF")).toEqual({ kind: 'map-key', path: ['t', 'additionaleventdata'], prefix: 'MF' });
  });

  it("offers a column's values inside the string after =, <>, LIKE and IN (", () => {
    expect(completionContext("WHERE eventName = 'Con")).toEqual({ kind: 'value', path: ['eventname'], prefix: 'Con' });
    expect(completionContext("WHERE t.userIdentity.type <> '")).toEqual({ kind: 'value', path: ['t', 'useridentity', 'type'], prefix: '' });
    expect(completionContext("WHERE eventSource LIKE 's3")).toEqual({ kind: 'value', path: ['eventsource'], prefix: 's3' });
    expect(completionContext("WHERE awsRegion IN ('us-east-1', 'eu")).toEqual({ kind: 'value', path: ['awsregion'], prefix: 'eu' });
    expect(completionContext("WHERE lower(eventName) = 'x")).toEqual({ kind: 'none' });
    expect(completionContext("SELECT 'Con")).toEqual({ kind: 'none' });
  });

  it('offers tables after FROM and JOIN, nothing in strings and comments', () => {
    expect(completionContext('SELECT 1 FROM ')).toEqual({ kind: 'table', prefix: '' });
    expect(completionContext('SELECT 1 FROM a JOIN $EDS')).toEqual({ kind: 'table', prefix: '$EDS' });
    expect(completionContext('SELECT 1 -- userIdentity.')).toEqual({ kind: 'none' });
    expect(completionContext('SELECT 1 /* x.')).toEqual({ kind: 'none' });
    expect(completionContext("SELECT 'it''s")).toEqual({ kind: 'none' });
    expect(completionContext("SELECT 'x' AS a, even")).toEqual({ kind: 'general', prefix: 'even' });
  });

  it('is fast on a 10,000-character query', () => {
    const big = `SELECT ${Array.from({ length: 1600 }, (_, i) => `c${i}`).join(', ')} FROM $EDS_ID WHERE userIdentity.`;
    expect(big.length).toBeGreaterThan(10_000);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) completionContext(big);
    expect((performance.now() - t0) / 100).toBeLessThan(5);
    expect(completionContext(big).kind).toBe('member');
  });
});

describe('schema paths', () => {
  it('lists struct members, nested and after an alias', () => {
    expect(membersAfter(fields, ['useridentity'])!.map(displayName)).toEqual(expect.arrayContaining(['arn', 'sessionContext', 'type', 'accountId']));
    expect(membersAfter(fields, ['useridentity', 'sessioncontext', 'sessionissuer'])!.map(displayName)).toContain('arn');
    expect(membersAfter(fields, ['t', 'useridentity'])!.map(displayName)).toContain('arn');
    expect(membersAfter(fields, ['t'])).toBe(fields);
    expect(membersAfter(fields, ['eventname'])).toBeUndefined();
  });

  it('builds the expression that reads a field', () => {
    const arn = resolvePath(fields, ['useridentity', 'sessioncontext', 'sessionissuer', 'arn'])!;
    expect(expressionFor(arn)).toEqual({ text: 'userIdentity.sessionContext.sessionIssuer.arn' });
    const rp = resolvePath(fields, ['requestparameters'])!;
    expect(expressionFor(rp)).toEqual({ text: "element_at(requestParameters, '')", cursor: 31 });
    expect(expressionFor(rp, 'bucketName')).toEqual({ text: "element_at(requestParameters, 'bucketName')" });
    const resources = fields.find((f) => f.name === 'resources')!;
    const type = (resources.type as { of: { fields: typeof fields } }).of.fields.find((f) => f.name === 'type')!;
    expect(expressionFor([resources, type]).text).toBe("any_match(resources, x -> x.type = '')");
  });

  it('knows map columns and their common keys', () => {
    expect(mapFieldAt(fields, ['requestparameters'])?.name).toBe('requestparameters');
    expect(mapFieldAt(fields, ['t', 'responseelements'])?.name).toBe('responseelements');
    expect(mapFieldAt(fields, ['eventname'])).toBeUndefined();
    expect(mapKeysFor('requestparameters')).toEqual(expect.arrayContaining(['bucketName', 'key', 'roleArn']));
    expect(mapKeysFor('requestparameters', ['zzz', 'key'])[0]).toBe('zzz');
  });

  it('shows camelCase names for every CloudTrail field', () => {
    expect(fields.map(displayName)).toEqual(expect.arrayContaining(['eventTime', 'userIdentity', 'sourceIPAddress', 'requestParameters', 'eventID']));
  });
});

describe('function docs', () => {
  it('document exactly the functions the lake accepts', () => {
    expect(Object.keys(FUNCTION_DOCS).sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });
});
