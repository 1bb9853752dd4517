/** CloudTrail (trails and Lake queries) and Lambda APIs. Lambda event names carry API-version suffixes. */
import type { Ctx, Json } from './catalog-types';
import { api, fail } from './define-api';
import { awsDate, lambdaDate } from './time';
import type { LambdaFn } from './world';

const CT = 'cloudtrail.amazonaws.com';
const LAMBDA = 'lambda.amazonaws.com';

export const describeTrails = api(CT, 'DescribeTrails', {
  ro: true,
  build(c) {
    c.req = { trailNameList: [], includeShadowTrails: true };
  },
});
export const listTrails = api(CT, 'ListTrails', {
  ro: true,
  build(c) {
    c.req = null;
  },
});
export const getTrailStatus = api(CT, 'GetTrailStatus', {
  ro: true,
  build(c) {
    c.req = { name: c.res.trailArn };
    c.target = c.res.trailArn;
  },
});
export const getEventSelectors = api(CT, 'GetEventSelectors', {
  ro: true,
  build(c) {
    c.req = { trailName: c.res.trailArn };
    c.target = c.res.trailArn;
  },
});

const LOOKUPS = ['ConsoleLogin', 'CreateAccessKey', 'RunInstances', 'AuthorizeSecurityGroupIngress', 'DeleteBucket', 'StopLogging'];
export const lookupEvents = api(CT, 'LookupEvents', {
  ro: true,
  errors: [[fail('ThrottlingException', 'Rate exceeded'), 1]],
  errorRate: 0.03,
  build(c) {
    c.req = c.rng.chance(0.6)
      ? { lookupAttributes: [{ attributeKey: 'EventName', attributeValue: c.rng.pick(LOOKUPS) }], maxResults: 50 }
      : { startTime: awsDate(c.sec - 86400 * c.rng.range(1, 7)), endTime: awsDate(c.sec), maxResults: 50 };
  },
});

function trailWrite(name: 'StopLogging' | 'StartLogging') {
  return api(CT, name, {
    ro: false,
    build(c) {
      c.req = { name: c.res.trailArn };
      c.target = c.res.trailArn;
    },
  });
}
export const stopLogging = trailWrite('StopLogging');
export const startLogging = trailWrite('StartLogging');

export const putEventSelectors = api(CT, 'PutEventSelectors', {
  ro: false,
  build(c) {
    c.req = {
      trailName: c.res.trailArn,
      advancedEventSelectors: [
        { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
        {
          name: 'S3 data events',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
          ],
        },
      ],
    };
    c.resp = { trailARN: c.res.trailArn, advancedEventSelectors: (c.req as Json).advancedEventSelectors };
    c.target = c.res.trailArn;
  },
});

const LAKE_QUERIES = [
  "SELECT eventName, count(*) AS n FROM $EDS WHERE eventTime > '$DAY 00:00:00' GROUP BY eventName ORDER BY n DESC LIMIT 20",
  "SELECT sourceIPAddress, count(*) FROM $EDS WHERE eventName = 'ConsoleLogin' AND element_at(responseElements, 'ConsoleLogin') = 'Failure' AND eventTime > '$DAY 00:00:00' GROUP BY 1",
  "SELECT eventTime, userIdentity.arn, eventName FROM $EDS WHERE userIdentity.type = 'Root' AND eventTime > '$DAY 00:00:00'",
  "SELECT errorCode, count(*) FROM $EDS WHERE errorCode IS NOT NULL AND eventTime > '$DAY 00:00:00' GROUP BY 1 ORDER BY 2 DESC",
];

export const startQuery = api(CT, 'StartQuery', {
  ro: false,
  errors: [[fail('InvalidQueryStatementException', 'Query statement is invalid: line 1:8: mismatched input'), 1]],
  errorRate: 0.08,
  build(c) {
    const eds = c.res.eventDataStoreArn.slice(c.res.eventDataStoreArn.lastIndexOf('/') + 1);
    c.req = { queryStatement: c.rng.pick(LAKE_QUERIES).replace('$EDS', eds).replace(/\$DAY/g, c.iso.slice(0, 10)) };
    c.resp = { queryId: c.rng.uuid() };
    c.target = c.res.eventDataStoreArn;
  },
});
export const getQueryResults = api(CT, 'GetQueryResults', {
  ro: true,
  build(c) {
    c.req = { eventDataStore: c.res.eventDataStoreArn, queryId: c.rng.uuid(), maxQueryResults: 100 };
    c.target = c.res.eventDataStoreArn;
  },
});
export const describeQuery = api(CT, 'DescribeQuery', {
  ro: true,
  build(c) {
    c.req = { eventDataStore: c.res.eventDataStoreArn, queryId: c.rng.uuid() };
    c.target = c.res.eventDataStoreArn;
  },
});
export const listEventDataStores = api(CT, 'ListEventDataStores', {
  ro: true,
  build(c) {
    c.req = null;
  },
});

const fnOf = (c: Ctx): LambdaFn => c.rng.pick(c.res.functions);
const notFound = fail(
  'ResourceNotFoundException',
  (c) => `Function not found: arn:aws:lambda:${c.region}:${c.acct.id}:function:${(c.req as Json).functionName}`,
);

function fnConfig(c: Ctx, fn: LambdaFn): Json {
  return {
    functionName: fn.name,
    functionArn: fn.arn,
    runtime: fn.runtime,
    role: fn.role,
    handler: fn.handler,
    codeSize: c.rng.range(40_000, 9_000_000),
    description: '',
    timeout: fn.timeout,
    memorySize: fn.memory,
    lastModified: lambdaDate(c.sec, c.rng.int(1000)),
    codeSha256: fn.codeSha256,
    version: '$LATEST',
    tracingConfig: { mode: 'PassThrough' },
    revisionId: c.rng.uuid(),
    state: 'Active',
    lastUpdateStatus: 'InProgress',
    lastUpdateStatusReason: 'The function is being created.',
    lastUpdateStatusReasonCode: 'Creating',
    packageType: 'Zip',
    architectures: [fn.runtime.startsWith('python') ? 'arm64' : 'x86_64'],
    ephemeralStorage: { size: 512 },
    snapStart: { applyOn: 'None', optimizationStatus: 'Off' },
    loggingConfig: { logFormat: 'Text', logGroup: `/aws/lambda/${fn.name}` },
  };
}

function fnRead(name: string, errorRate = 0.01, extra?: (c: Ctx) => Json) {
  return api(LAMBDA, name, {
    ro: true,
    errors: [[notFound, 1]],
    errorRate,
    build(c) {
      const fn = fnOf(c);
      c.req = extra ? { functionName: fn.name, ...extra(c) } : { functionName: fn.name };
      c.target = fn.arn;
    },
  });
}

export const listFunctions = api(LAMBDA, 'ListFunctions20150331', {
  ro: true,
  build(c) {
    c.req = null;
  },
});
export const getFunction = fnRead('GetFunction20150331v2');
export const getFunctionConfiguration = fnRead('GetFunctionConfiguration20150331v2');
export const listVersionsByFunction = fnRead('ListVersionsByFunction20150331', 0.01, () => ({ maxItems: 50 }));
export const getLambdaPolicy = api(LAMBDA, 'GetPolicy20150331v2', {
  ro: true,
  errors: [[fail('ResourceNotFoundException', 'The resource you requested does not exist.'), 1]],
  errorRate: 0.3,
  build(c) {
    const fn = fnOf(c);
    c.req = { functionName: fn.name };
    c.target = fn.arn;
  },
});

export const updateFunctionCode = api(LAMBDA, 'UpdateFunctionCode20150331v2', {
  ro: false,
  errors: [[fail('ResourceConflictException', (c) => `The operation cannot be performed at this time. An update is in progress for resource: ${c.target}`), 1]],
  errorRate: 0.04,
  build(c) {
    const fn = fnOf(c);
    c.req = {
      functionName: fn.name,
      s3Bucket: 'acme-staging-artifacts',
      s3Key: `lambda/${fn.name}/${c.rng.hex(7)}.zip`,
      publish: c.rng.chance(0.3),
      dryRun: false,
    };
    c.resp = fnConfig(c, fn);
    c.target = fn.arn;
  },
});

export const updateFunctionConfiguration = api(LAMBDA, 'UpdateFunctionConfiguration20150331v2', {
  ro: false,
  build(c) {
    const fn = fnOf(c);
    c.req = { functionName: fn.name, timeout: c.rng.pick([30, 60, 120, 300]), memorySize: c.rng.pick([512, 1024, 2048]), environment: {} };
    c.resp = fnConfig(c, fn);
    c.target = fn.arn;
  },
});

export const addPermission = api(LAMBDA, 'AddPermission20150331v2', {
  ro: false,
  errors: [
    [
      fail(
        'ResourceConflictException',
        'The statement id (s3-invoke) provided already exists. Please provide a new statement id, or remove the existing statement.',
      ),
      1,
    ],
  ],
  errorRate: 0.05,
  build(c) {
    const fn = fnOf(c);
    const bucket = c.rng.pick(c.world.buckets).name;
    const sid = c.rng.chance(0.5) ? 's3-invoke' : `AllowExecutionFromS3-${c.rng.hex(6)}`;
    c.req = {
      functionName: fn.name,
      statementId: sid,
      action: 'lambda:InvokeFunction',
      principal: 's3.amazonaws.com',
      sourceArn: `arn:aws:s3:::${bucket}`,
      sourceAccount: c.acct.id,
    };
    c.resp = {
      statement: JSON.stringify({
        Sid: sid,
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: fn.arn,
        Condition: { StringEquals: { 'AWS:SourceAccount': c.acct.id }, ArnLike: { 'AWS:SourceArn': `arn:aws:s3:::${bucket}` } },
      }),
    };
    c.target = fn.arn;
  },
});

export const createFunction = api(LAMBDA, 'CreateFunction20150331', {
  ro: false,
  build(c) {
    const fn = fnOf(c);
    const name = `${fn.name}-${c.rng.pick(['v2', 'canary', 'backfill', 'tmp'])}`;
    const made: LambdaFn = { ...fn, name, arn: fn.arn.replace(/[^:]+$/, name) };
    c.req = {
      functionName: name,
      runtime: fn.runtime,
      role: fn.role,
      handler: fn.handler,
      code: {},
      timeout: fn.timeout,
      memorySize: fn.memory,
      publish: false,
      packageType: 'Zip',
    };
    c.resp = fnConfig(c, made);
    c.target = made.arn;
  },
});

export const deleteFunction = api(LAMBDA, 'DeleteFunction20150331', {
  ro: false,
  errors: [[notFound, 1]],
  errorRate: 0.1,
  build(c) {
    const fn = fnOf(c);
    c.req = { functionName: `${fn.name}-tmp` };
    c.target = fn.arn + '-tmp';
  },
});
