import { describe, expect, it } from 'vitest';
import { describeCell, parseTrinoValue } from '../../lib/workbench/cell-value';

describe('describeCell', () => {
  it('pretty-prints JSON objects and arrays', () => {
    expect(describeCell('{"a":1,"b":[true,null]}')).toEqual({ kind: 'json', text: '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}' });
    expect(describeCell('[1,2]').kind).toBe('json');
  });

  it('reads Trino maps, rows and arrays as JSON', () => {
    const v = describeCell('{type=IAMUser, arn=arn:aws:iam::1:user/a, sessioncontext={attributes={mfaauthenticated=false}}, tags=[a, b], x=null}');
    expect(v.kind).toBe('struct');
    expect(JSON.parse(v.text)).toEqual({
      type: 'IAMUser',
      arn: 'arn:aws:iam::1:user/a',
      sessioncontext: { attributes: { mfaauthenticated: 'false' } },
      tags: ['a', 'b'],
      x: null,
    });
  });

  it('keeps JSON strings inside map values as JSON, and commas inside values', () => {
    expect(parseTrinoValue('{policy={"Version":"2012-10-17","S":[1]}, bucketName=b}')).toEqual({ policy: { Version: '2012-10-17', S: [1] }, bucketName: 'b' });
    expect(parseTrinoValue('{userAgent=aws-cli/2.0 Python/3.11, os=linux}')).toEqual({ userAgent: 'aws-cli/2.0 Python/3.11', os: 'linux' });
    expect(parseTrinoValue('{msg=a, b and c, k=v}')).toEqual({ msg: 'a, b and c', k: 'v' });
    expect(parseTrinoValue('{}')).toEqual({});
    expect(parseTrinoValue('[]')).toEqual([]);
  });

  it('keeps text of scalar CloudTrail fields as text even when it looks like an array', () => {
    const ua = '[Boto3/1.40.55 md/Botocore#1.40.55 m/Z,b,D cfg/retry-mode#legacy]';
    expect(describeCell(ua, 'useragent')).toEqual({ kind: 'text', text: ua });
    expect(describeCell(ua, 'userIdentity.userAgent').kind).toBe('text');
    expect(describeCell('{type=Root}', 'userIdentity').kind).toBe('struct');
    expect(describeCell('[a, b]', 'anyAlias').kind).toBe('struct');
  });

  it('leaves plain and malformed text as text', () => {
    expect(describeCell('ConsoleLogin')).toEqual({ kind: 'text', text: 'ConsoleLogin' });
    expect(describeCell('{unclosed=1')).toEqual({ kind: 'text', text: '{unclosed=1' });
    expect(describeCell('{no equals}').kind).toBe('text');
    expect(describeCell('')).toEqual({ kind: 'empty', text: '' });
  });
});
