import { describe, expect, it } from 'vitest';
import { inferType, specsForSql } from '../../lib/parameters/infer';
import { parametersFromSearch, withParameters } from '../../lib/parameters/url';

describe('parameter types from names', () => {
  it.each([
    ['ip', 'ip'],
    ['sourceIPAddress', 'ip'],
    ['userArn', 'arn'],
    ['arn', 'arn'],
    ['roleArn', 'arn'],
    ['accessKeyId', 'accessKeyId'],
    ['accountId', 'accountId'],
    ['recipientAccountId', 'accountId'],
    ['limit', 'number'],
    ['minCount', 'number'],
    ['user', 'text'],
    ['eventName', 'text'],
    ['bucket', 'text'],
  ])('%s is %s', (name, type) => expect(inferType(name)).toBe(type));
});

describe('the parameters a statement needs', () => {
  it('lists each placeholder once, in order of use, typed by name or by choice; comments do not count', () => {
    const sql =
      "SELECT * FROM $EDS_ID WHERE sourceIPAddress = {{ip}} AND userIdentity.arn = {{userArn}} -- {{ignored}}\nAND eventName LIKE '%{{name}}%' AND sourceIPAddress <> {{ip}}";
    expect(specsForSql(sql, { name: 'number' })).toEqual([
      { name: 'ip', type: 'ip' },
      { name: 'userArn', type: 'arn' },
      { name: 'name', type: 'number' },
    ]);
  });
  it('makes {{start}} and {{end}} one time range, last 24 hours by default', () => {
    expect(specsForSql('SELECT 1 FROM $EDS_ID WHERE eventTime >= {{start}} AND eventTime < {{end}} AND userName = {{user}}')).toEqual([
      { name: 'time', type: 'timeRange', default: '24h' },
      { name: 'user', type: 'text' },
    ]);
  });
  it('a type choice named like an Object method is not read from the prototype', () => {
    expect(specsForSql('SELECT {{constructor}}')).toEqual([{ name: 'constructor', type: 'text' }]);
  });
});

describe('parameters in the URL', () => {
  it('round-trips values, hostile ones and lists included, and keeps other keys', () => {
    const values = { ip: '203.0.113.9', user: "' OR 1=1 --\n/* x */", time: '2026-03-01 00:00/2026-03-02 00:00', names: ['a', 'b&c'] };
    const search = withParameters('?store=abc&p.old=1', values);
    expect(new URLSearchParams(search).get('store')).toBe('abc');
    expect(parametersFromSearch(search)).toEqual(values);
  });
  it('leaves out empty values, foreign keys and bad names, and caps what it reads', () => {
    expect(withParameters('', { ip: '' })).toBe('');
    // __proto__ stays a plain key of a prototype-less map: it cannot reach Object.prototype
    const read = parametersFromSearch('?p.ip=1.2.3.4&ip=x&p.1bad=y&p.__proto__=z&p.big=' + 'x'.repeat(1001));
    expect(Object.entries(read)).toEqual([
      ['ip', '1.2.3.4'],
      ['__proto__', 'z'],
    ]);
    expect(({} as Record<string, unknown>).z).toBeUndefined();
    const many = new URLSearchParams(Array.from({ length: 60 }, (_, i) => [`p.n${i}`, String(i)]));
    expect(Object.keys(parametersFromSearch(many))).toHaveLength(50);
  });
});
