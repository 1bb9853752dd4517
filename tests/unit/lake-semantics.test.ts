import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, tempLake } from '../helpers/temp-lake';

/** Four hand-written events; every expected row below is worked out from them by hand. */
const EVENTS = [
  {
    eventVersion: '1.08',
    eventID: '11111111-1111-4111-8111-111111111111',
    eventTime: '2023-01-22T16:53:53Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: '211.60.50.190',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice' },
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'Yes', LoginTo: 'https://console.aws.amazon.com' },
    eventType: 'AwsConsoleSignIn',
    readOnly: false,
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
  },
  {
    eventVersion: '1.08',
    eventID: '22222222-2222-4222-8222-222222222222',
    eventTime: '2023-01-22T23:30:00.250Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.7',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/bob', accountId: '111122223333', userName: 'bob' },
    responseElements: { ConsoleLogin: 'Failure' },
    errorMessage: 'Failed authentication',
    additionalEventData: { MFAUsed: 'No' },
    eventType: 'AwsConsoleSignIn',
    readOnly: false,
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
  },
  {
    eventVersion: '1.09',
    eventID: '33333333-3333-4333-8333-333333333333',
    eventTime: '2023-01-23T08:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.9',
    userIdentity: {
      type: 'AssumedRole',
      arn: 'arn:aws:sts::111122223333:assumed-role/Admin/carol',
      accountId: '111122223333',
      sessionContext: {
        sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/Admin', userName: 'Admin' },
        attributes: { creationDate: '2023-01-23T07:00:00Z', mfaAuthenticated: 'true' },
      },
    },
    requestParameters: { instanceType: 't3.micro', minCount: 1, disableApiTermination: false, tagSpecificationSet: { items: [{ resourceType: 'instance' }] } },
    responseElements: { instancesSet: { items: [{ instanceId: 'i-b188560f' }] } },
    resources: [{ accountId: '111122223333', type: 'AWS::EC2::Instance', ARN: 'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f' }],
    eventType: 'AwsApiCall',
    readOnly: false,
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'ec2.us-east-1.amazonaws.com' },
  },
  {
    eventVersion: '1.09',
    eventID: '44444444-4444-4444-8444-444444444444',
    eventTime: '2023-01-29T12:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.9',
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Admin/carol', accountId: '111122223333' },
    requestParameters: { bucketName: 'logs', key: 'a.txt' },
    errorCode: 'AccessDenied',
    resources: [
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::logs/a.txt' },
      { accountId: '111122223333', type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::logs' },
    ],
    eventType: 'AwsApiCall',
    readOnly: true,
    managementEvent: false,
    recipientAccountId: '111122223333',
    eventCategory: 'Data',
  },
];

let t: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  t = await tempLake(EVENTS);
});
afterAll(() => t.close());

const run = async (sql: string) => {
  const r = await query(t.lake, sql, t.store.id);
  expect(r.status, r.error).toBe('FINISHED');
  return r;
};
const ids = async (where: string) => (await run(`SELECT eventid FROM $EDS_ID WHERE ${where} ORDER BY eventtime`)).rows.map((r) => r[0][0]);

describe('eventTime compared with every literal form', () => {
  it.each([
    [`eventTime > '2023-01-23'`, '34'],
    [`eventTime > '2023-01-22 23:30:00'`, '234'],
    [`eventTime > '2023-01-22 23:30:00.250'`, '34'],
    [`eventTime >= '2023-01-23T08:00:00Z'`, '34'],
    [`eventTime >= timestamp '2023-01-23 08:00:00'`, '34'],
    [`eventTime < '2023-01-23T00:00:00+01:00'`, '1'], // 2023-01-22 23:00 UTC
    [`eventTime BETWEEN TIMESTAMP '2023-01-22 16:53:53' AND TIMESTAMP '2023-01-23 08:00:00'`, '123'],
    [`eventTime > from_iso8601_timestamp('2023-01-23T09:00:00+02:00')`, '34'], // 07:00 UTC
    [`eventTime > date_add('day', -7, timestamp '2023-01-30 00:00:00')`, '34'],
    [`eventTime > '2023-01-01 00:00:00' AND eventTime < '2023-01-01 00:00:00'`, ''],
  ])('%s', async (where, expected) => {
    expect((await ids(where)).join('')).toBe(expected);
  });
});

describe('names, maps, structs and arrays', () => {
  it('matches column and struct-field names case-insensitively; map keys case-sensitively', async () => {
    const r = await run(
      `SELECT USERIDENTITY.userName, element_at(responseElements, 'ConsoleLogin') AS outcome, element_at(responseElements, 'consolelogin') AS wrong_case FROM $EDS_ID WHERE eventName = 'ConsoleLogin' ORDER BY eventTime`,
    );
    expect(r.columns).toEqual(['userName', 'outcome', 'wrong_case']);
    expect(r.rows).toEqual([
      ['alice', 'Success', ''],
      ['bob', 'Failure', ''],
    ]);
  });

  it('keeps map values as text, nested objects as compact JSON', async () => {
    const r = await run(
      `SELECT element_at(requestParameters, 'minCount'), element_at(requestParameters, 'disableApiTermination'), element_at(requestParameters, 'tagSpecificationSet') FROM $EDS_ID WHERE eventName = 'RunInstances'`,
    );
    expect(r.columns).toEqual(['_col0', '_col1', '_col2']);
    expect(r.rows).toEqual([['1', 'false', '{"items":[{"resourceType":"instance"}]}']]);
    const like = await ids(`element_at(responseElements, 'instancesSet') LIKE '%"instanceId":"i-b188560f"%'`);
    expect(like).toEqual(['3']);
  });

  it('indexes arrays from 1 and names a struct path by its last segment', async () => {
    const r = await run(
      `SELECT element_at(resources, 1).arn, element_at(resources, 2).type, cardinality(resources) AS n, userIdentity.sessionContext.sessionIssuer.userName FROM $EDS_ID WHERE eventName = 'GetObject'`,
    );
    expect(r.columns).toEqual(['arn', 'type', 'n', 'userName']);
    expect(r.rows).toEqual([['arn:aws:s3:::logs/a.txt', 'AWS::S3::Bucket', '2', '']]);
  });

  it('supports lambdas: any_match, filter, transform', async () => {
    const r = await run(
      `SELECT eventName, any_match(resources, x -> x.type = 'AWS::S3::Bucket') AS has_bucket, transform(filter(resources, x -> x.type LIKE 'AWS::S3::%'), x -> x.arn) AS arns FROM $EDS_ID WHERE resources IS NOT NULL ORDER BY eventTime`,
    );
    expect(r.rows).toEqual([
      ['RunInstances', 'false', '[]'],
      ['GetObject', 'true', '[arn:aws:s3:::logs/a.txt, arn:aws:s3:::logs]'],
    ]);
  });

  it('unnests an array of rows into one column per field', async () => {
    const r = await run(`SELECT r.type, r.arn FROM $EDS_ID CROSS JOIN UNNEST(resources) AS r WHERE eventName = 'GetObject' ORDER BY r.type`);
    expect(r.rows).toEqual([
      ['AWS::S3::Bucket', 'arn:aws:s3:::logs'],
      ['AWS::S3::Object', 'arn:aws:s3:::logs/a.txt'],
    ]);
  });

  it('formats cells as CloudTrail Lake does: timestamps, booleans, maps, structs, NULL', async () => {
    const r = await run(
      `SELECT eventTime, readOnly, additionalEventData, tlsDetails, errorCode FROM $EDS_ID WHERE eventID IN ('22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333') ORDER BY eventTime`,
    );
    expect(r.rows).toEqual([
      ['2023-01-22 23:30:00.250', 'false', '{MFAUsed=No}', '', ''],
      [
        '2023-01-23 08:00:00.000',
        'false',
        '',
        '{tlsversion=TLSv1.3, ciphersuite=TLS_AES_128_GCM_SHA256, clientprovidedhostheader=ec2.us-east-1.amazonaws.com}',
        '',
      ],
    ]);
  });
});

describe('Trino functions with Trino semantics', () => {
  it.each([
    [`day_of_week(eventTime)`, '7'], // 2023-01-22 was a Sunday
    [`date_format(eventTime, '%Y-%m-%d %H:%i:%s')`, '2023-01-22 16:53:53'],
    [`date_diff('hour', eventTime, timestamp '2023-01-23 16:53:53')`, '24'],
    [`date_trunc('day', eventTime)`, '2023-01-22 00:00:00.000'],
    [`json_extract_scalar(eventJson, '$.userIdentity.userName')`, 'alice'],
    [`json_extract_scalar(eventJson, '$.userIdentity')`, ''],
    [`json_array_get('["a","b"]', 1)`, '"b"'],
    [`replace(eventSource, '.amazonaws.com')`, 'signin'],
    [`regexp_like(sourceIPAddress, '^211\\.')`, 'true'],
    [`to_unixtime(eventTime)`, '1.674406433E9'],
    [`from_unixtime(0)`, '1970-01-01 00:00:00.000 UTC'], // timestamp(3) with time zone, printed in the session zone
    [`cardinality(additionalEventData)`, '2'],
    [`7 / 2`, '3'],
    [`avg(1)`, '1.0'],
  ])('%s', async (expr, expected) => {
    const r = await run(`SELECT ${expr} FROM $EDS_ID WHERE eventID = '11111111-1111-4111-8111-111111111111'`);
    expect(r.rows[0][0]).toBe(expected);
  });

  it('aggregates with approx_distinct, arbitrary, max_by and count_if', async () => {
    const r = await run(
      `SELECT approx_distinct(awsRegion) AS regions, max_by(eventName, eventTime) AS last, count_if(errorCode IS NOT NULL) AS errors, arbitrary(recipientAccountId) AS acct FROM $EDS_ID`,
    );
    expect(r.rows).toEqual([['2', 'GetObject', '1', '111122223333']]);
  });

  it('accepts INTERVAL arithmetic, a trailing semicolon and comments', async () => {
    const r = await run(`-- recent\nSELECT count(*) AS n /* all */ FROM $EDS_ID WHERE eventTime > timestamp '2023-01-30 00:00:00' - INTERVAL '7' DAY;`);
    expect(r.rows).toEqual([['2']]); // after 2023-01-23 00:00
  });
});

describe('statistics', () => {
  it('scans fewer bytes and events when eventTime bounds prune files, and only referenced columns', async () => {
    const all = await run(`SELECT count(*) FROM $EDS_ID`);
    const oneDay = await run(`SELECT count(*) FROM $EDS_ID WHERE eventTime >= '2023-01-29' AND eventTime < '2023-01-30'`);
    const star = await run(`SELECT * FROM $EDS_ID`);
    expect(all.record.statistics.eventsScanned).toBe(4);
    expect(oneDay.record.statistics.eventsScanned).toBe(1);
    expect(oneDay.record.statistics.bytesScanned).toBeLessThan(all.record.statistics.bytesScanned);
    expect(star.record.statistics.bytesScanned).toBeGreaterThan(10 * oneDay.record.statistics.bytesScanned);
  });
});

describe('EventsMatched counts the events that pass the filter, not the result rows', () => {
  it.each([
    [`SELECT count(*) FROM $EDS_ID WHERE eventName = 'ConsoleLogin'`, 2, 1],
    [`SELECT eventName, count(*) FROM $EDS_ID GROUP BY eventName`, 4, 3],
    [`SELECT eventID FROM $EDS_ID WHERE errorCode IS NULL LIMIT 1`, 3, 1],
    [`SELECT eventID FROM $EDS_ID WHERE eventTime >= '2023-01-23' AND readOnly = false`, 1, 1],
    [
      `SELECT n FROM (SELECT count(*) AS n FROM $EDS_ID WHERE awsRegion = 'us-east-1') UNION ALL SELECT count(*) FROM $EDS_ID WHERE awsRegion = 'eu-west-1'`,
      4,
      2,
    ],
  ])('%s', async (sql, matched, rows) => {
    const r = await run(sql);
    expect(r.rows).toHaveLength(rows);
    expect(r.record.statistics.eventsMatched).toBe(matched);
  });
});

describe('more Trino semantics', () => {
  it('unnests with one alias per element, rows kept whole', async () => {
    const r = await run(`SELECT res.type FROM $EDS_ID CROSS JOIN UNNEST(resources) AS t(res) WHERE eventName = 'GetObject' ORDER BY 1`);
    expect(r.rows).toEqual([['AWS::S3::Bucket'], ['AWS::S3::Object']]);
  });

  it.each([
    [`CAST(eventTime AS varchar)`, '2023-01-22 16:53:53.000'],
    [`CAST(json_parse('"x"') AS varchar)`, 'x'],
    [`array_distinct(ARRAY[3, 1, 3, 2])`, '[3, 1, 2]'],
    [`array_union(ARRAY[1, 2], ARRAY[2, 3])`, '[1, 2, 3]'],
    [`format_datetime(eventTime, 'yyyy-MM-dd''T''HH:mm')`, '2023-01-22T16:53'],
    [`regexp_replace('a1b2', '(\\d)', '<$1>')`, 'a<1>b<2>'],
    [`codepoint('A')`, '65'],
  ])('%s', async (expr, expected) => {
    const r = await run(`SELECT ${expr} FROM $EDS_ID WHERE eventID = '11111111-1111-4111-8111-111111111111'`);
    expect(r.rows[0][0]).toBe(expected);
  });
});

describe('errors as Trino words them', () => {
  it.each([
    ['SELECT eventNam, count(*) FROM $EDS_ID GROUP BY eventNam', "line 1:8: Column 'eventNam' cannot be resolved"],
    ['SELECT eventName, count(*) FROM $EDS_ID GROUP BY eventNam', "Column 'eventNam' cannot be resolved"],
  ])('%s', async (sql, message) => {
    await expect(t.lake.prepare(sql.replaceAll('$EDS_ID', t.store.id))).rejects.toThrow(message);
  });
});
