import { describe, expect, it } from 'vitest';
import { generateEvents, type GenerateOptions } from '../../lib/lake/demo/generate-events';

type Rec = Record<string, any>;

const START = new Date('2026-11-01T00:00:00Z');
const END = new Date('2026-11-08T00:00:00Z');
const OPTS: GenerateOptions = { count: 20_000, start: START, end: END };
const recs: Rec[] = [...generateEvents(OPTS)];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const ACCOUNT = /^\d{12}$/;
const share = (pred: (r: Rec) => boolean) => recs.filter(pred).length / recs.length;
const isObj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks every record and reports the first few that break a rule (per-record expect() is slow). */
function violations(rs: Rec[], rules: (r: Rec, fail: (what: string) => void) => void): string[] {
  const out: string[] = [];
  for (const r of rs) {
    rules(r, (what) => {
      if (out.length < 10) out.push(`${what}: ${JSON.stringify(r).slice(0, 300)}`);
    });
    if (out.length >= 10) break;
  }
  return out;
}

describe('generateEvents: stream contract', () => {
  it('yields exactly `count` records', () => {
    expect(recs).toHaveLength(20_000);
    expect([...generateEvents({ count: 1, start: START, end: END })]).toHaveLength(1);
    expect([...generateEvents({ count: 0, start: START, end: END })]).toHaveLength(0);
  });

  it('is deterministic for a seed (default 42) and differs between seeds', () => {
    const a = JSON.stringify([...generateEvents({ ...OPTS, count: 3000 })]);
    expect(JSON.stringify([...generateEvents({ ...OPTS, count: 3000, seed: 42 })])).toBe(a);
    expect(JSON.stringify([...generateEvents({ ...OPTS, count: 3000, seed: 7 })])).not.toBe(a);
    // Two generators interleaved do not disturb each other.
    const g1 = generateEvents({ ...OPTS, count: 500 }),
      g2 = generateEvents({ ...OPTS, count: 500, seed: 7 });
    const mixed: Rec[] = [];
    for (let i = 0; i < 500; i++) {
      mixed.push(g1.next().value as Rec);
      g2.next();
    }
    expect(JSON.stringify(mixed)).toBe(JSON.stringify([...generateEvents({ ...OPTS, count: 500 })]));
  });

  it('spreads eventTime over [start, end) in ascending order', () => {
    let prev = '';
    expect(
      violations(recs, (r, fail) => {
        if (!ISO.test(r.eventTime)) fail('eventTime format');
        if (r.eventTime < prev) fail('not ascending');
        prev = r.eventTime;
      }),
    ).toEqual([]);
    const first = Date.parse(recs[0].eventTime),
      last = Date.parse(recs.at(-1)!.eventTime);
    expect(first).toBeGreaterThanOrEqual(START.getTime());
    expect(last).toBeLessThan(END.getTime());
    // Covers the whole week, not a corner of it.
    expect(first - START.getTime()).toBeLessThan(3600_000);
    expect(END.getTime() - last).toBeLessThan(3600_000);
    const days = new Set(recs.map((r) => r.eventTime.slice(0, 10)));
    expect(days.size).toBe(7);
  });

  it('keeps to a short range with fractional-second bounds', () => {
    const start = new Date('2026-11-01T12:00:00.500Z'),
      end = new Date('2026-11-01T12:00:10.250Z');
    const few = [...generateEvents({ count: 300, start, end })];
    expect(few).toHaveLength(300);
    for (const r of few) {
      expect(Date.parse(r.eventTime as string)).toBeGreaterThanOrEqual(start.getTime());
      expect(Date.parse(r.eventTime as string)).toBeLessThan(end.getTime());
    }
  });

  it('streams: a huge count starts yielding at once', () => {
    const it = generateEvents({ count: 50_000_000, start: START, end: END });
    const head: Rec[] = [];
    for (const r of it) {
      head.push(r);
      if (head.length === 1000) break;
    }
    expect(head).toHaveLength(1000);
    expect(Date.parse(head.at(-1)!.eventTime) - START.getTime()).toBeLessThan(60_000);
  });

  it('rejects bad options', () => {
    expect(() => [...generateEvents({ count: -1, start: START, end: END })]).toThrow(RangeError);
    expect(() => [...generateEvents({ count: 1.5, start: START, end: END })]).toThrow(RangeError);
    expect(() => [...generateEvents({ count: 10, start: END, end: START })]).toThrow(RangeError);
    expect(() => [...generateEvents({ count: 10, start: new Date('nope'), end: END })]).toThrow(RangeError);
  });
});

describe('generateEvents: CloudTrail record shape', () => {
  it('gives every record the required fields with the right types', () => {
    expect(
      violations(recs, (r, fail) => {
        const check = (ok: boolean, what: string) => {
          if (!ok) fail(what);
        };
        check(/^1\.\d{2}$/.test(r.eventVersion), 'eventVersion');
        check(isObj(r.userIdentity) && typeof r.userIdentity.type === 'string', 'userIdentity.type');
        check(/^[a-z0-9-]+\.amazonaws\.com$/.test(r.eventSource), 'eventSource');
        check(typeof r.eventName === 'string' && r.eventName.length > 0, 'eventName');
        check(/^[a-z]{2}-[a-z]+-\d$/.test(r.awsRegion), 'awsRegion');
        check(typeof r.sourceIPAddress === 'string' && r.sourceIPAddress.length > 0, 'sourceIPAddress');
        check(typeof r.userAgent === 'string' && r.userAgent.length > 0, 'userAgent');
        check(UUID.test(r.eventID), 'eventID');
        check(r.eventType === 'AwsApiCall' || r.eventType === 'AwsConsoleSignIn', 'eventType');
        check(typeof r.readOnly === 'boolean', 'readOnly');
        check(typeof r.managementEvent === 'boolean', 'managementEvent');
        check(ACCOUNT.test(r.recipientAccountId), 'recipientAccountId');
        check(r.eventCategory === 'Management' || r.eventCategory === 'Data', 'eventCategory');
        check(r.managementEvent === (r.eventCategory === 'Management'), 'managementEvent vs eventCategory');
        check(r.requestParameters === null || isObj(r.requestParameters), 'requestParameters');
        check(r.responseElements === null || isObj(r.responseElements), 'responseElements');
        check(!('additionalEventData' in r) || isObj(r.additionalEventData), 'additionalEventData');
        check(r.eventType !== 'AwsApiCall' || UUID.test(r.requestID), 'requestID');
        check(!('errorCode' in r) || typeof r.errorCode === 'string', 'errorCode');
        check(!('errorCode' in r) || r.responseElements === null, 'responseElements on error');
        if ('resources' in r) {
          check(Array.isArray(r.resources) && r.resources.length > 0, 'resources');
          for (const res of r.resources) {
            check(typeof res.type === 'string' && /^arn:aws:/.test(res.ARN), 'resource type/ARN');
            check(!('accountId' in res) || ACCOUNT.test(res.accountId), 'resource accountId');
          }
        }
        if ('tlsDetails' in r) {
          const t = r.tlsDetails;
          check(
            (t.tlsVersion === 'TLSv1.2' || t.tlsVersion === 'TLSv1.3') && typeof t.cipherSuite === 'string' && typeof t.clientProvidedHostHeader === 'string',
            'tlsDetails',
          );
        }
        check(!('sessionCredentialFromConsole' in r) || r.sessionCredentialFromConsole === 'true', 'sessionCredentialFromConsole');
        const attrs = r.userIdentity.sessionContext?.attributes;
        if (attrs) {
          check(ISO.test(attrs.creationDate) && attrs.creationDate <= r.eventTime, 'creationDate');
          check(attrs.mfaAuthenticated === 'true' || attrs.mfaAuthenticated === 'false', 'mfaAuthenticated');
        }
      }),
    ).toEqual([]);
  });

  it('has unique eventIDs and requestIDs', () => {
    expect(new Set(recs.map((r) => r.eventID)).size).toBe(recs.length);
    const reqIds = recs.filter((r) => r.requestID).map((r) => r.requestID);
    expect(new Set(reqIds).size).toBe(reqIds.length);
  });

  it('builds identities the way CloudTrail writes them', () => {
    const types = new Set(recs.map((r) => r.userIdentity.type));
    for (const t of ['IAMUser', 'AssumedRole', 'AWSService', 'Root']) expect(types).toContain(t);
    expect(
      violations(recs, (r, fail) => {
        const ui = r.userIdentity;
        if (ui.type === 'IAMUser' && r.eventName !== 'ConsoleLogin') {
          if (ui.arn !== `arn:aws:iam::${ui.accountId}:user/${ui.userName}`) fail('IAM user arn');
          if (!/^A(KIA|SIA)[A-Z2-7]{16}$/.test(ui.accessKeyId)) fail('accessKeyId');
        }
        if (ui.type === 'AssumedRole') {
          const issuer = ui.sessionContext.sessionIssuer;
          if (issuer.type !== 'Role') fail('sessionIssuer.type');
          if (ui.arn !== `arn:aws:sts::${ui.accountId}:assumed-role/${issuer.userName}/${ui.principalId.split(':')[1]}`) fail('assumed-role arn');
          if (!ui.principalId.startsWith(issuer.principalId + ':')) fail('principalId');
        }
        if (ui.type === 'AWSService' && !/\.amazonaws\.com$/.test(ui.invokedBy)) fail('invokedBy');
        // Calls made by or through a service come from the service, without TLS details.
        if (ui.invokedBy && (r.sourceIPAddress !== ui.invokedBy || 'tlsDetails' in r)) fail('service-invoked source');
      }),
    ).toEqual([]);
    const sso = recs.filter((r) => r.userIdentity.sessionContext?.sessionIssuer?.arn?.includes(':role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_'));
    expect(sso.length).toBeGreaterThan(100);
    expect(sso.every((r) => /@/.test(r.userIdentity.principalId))).toBe(true);
    // Root is rare.
    expect(share((r) => r.userIdentity.type === 'Root')).toBeLessThan(0.005);
  });

  it('uses realistic user agents and TLS on API calls', () => {
    const uas = recs.map((r) => r.userAgent as string);
    for (const needle of ['aws-cli/2.', 'Boto3/1.', 'aws-sdk-java/', 'Terraform/', 'Mozilla/5.0', 'AWS Internal', 'S3Console']) {
      expect(
        uas.some((u) => u.includes(needle)),
        needle,
      ).toBe(true);
    }
    expect(share((r) => 'tlsDetails' in r)).toBeGreaterThan(0.5);
  });

  it('fills nested requestParameters/responseElements the way AWS does', () => {
    const run = recs.find((r) => r.eventName === 'RunInstances' && !r.errorCode)!;
    expect(run.requestParameters.instancesSet.items[0].imageId).toMatch(/^ami-/);
    expect(run.responseElements.instancesSet.items[0].instanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    const sg = recs.find((r) => r.eventName === 'AuthorizeSecurityGroupIngress' && !r.errorCode)!;
    expect(sg.requestParameters.ipPermissions.items[0].ipRanges.items[0].cidrIp).toMatch(/\/\d+$/);
    expect(sg.responseElements.securityGroupRuleSet.items[0].securityGroupRuleId).toMatch(/^sgr-/);
    const assume = recs.find((r) => r.eventName === 'AssumeRole' && !r.errorCode)!;
    expect(assume.responseElements.credentials.accessKeyId).toMatch(/^ASIA/);
    expect(assume.resources[0].type).toBe('AWS::IAM::Role');
    for (const name of [
      'CreateUser',
      'AttachRolePolicy',
      'CreateAccessKey',
      'PutRolePolicy',
      'DescribeInstances',
      'CreateSecurityGroup',
      'CreateBucket',
      'PutBucketPolicy',
      'GetBucketAcl',
      'GetCallerIdentity',
      'Decrypt',
      'GenerateDataKey',
      'LookupEvents',
      'ListFunctions20150331',
    ]) {
      expect(
        recs.some((r) => r.eventName === name),
        name,
      ).toBe(true);
    }
  });
});

describe('generateEvents: what the demo shows', () => {
  it('spans several accounts and regions, most traffic in a few regions', () => {
    const accounts = new Set(recs.map((r) => r.recipientAccountId));
    expect(accounts.size).toBeGreaterThanOrEqual(3);
    expect(accounts.size).toBeLessThanOrEqual(5);
    const byRegion = new Map<string, number>();
    for (const r of recs) byRegion.set(r.awsRegion, (byRegion.get(r.awsRegion) ?? 0) + 1);
    expect(byRegion.size).toBeGreaterThanOrEqual(3);
    const top3 = [...byRegion.values()]
      .sort((a, b) => b - a)
      .slice(0, 3)
      .reduce((a, b) => a + b, 0);
    expect(top3 / recs.length).toBeGreaterThan(0.8);
  });

  it('is mostly read-only calls', () => {
    expect(share((r) => r.readOnly === true)).toBeGreaterThan(0.6);
  });

  it('has console sign-ins: mostly successes from office IPs, some failures', () => {
    const logins = recs.filter((r) => r.eventName === 'ConsoleLogin');
    expect(logins.length).toBeGreaterThan(20);
    expect(
      violations(logins, (r, fail) => {
        if (r.eventSource !== 'signin.amazonaws.com' || r.eventType !== 'AwsConsoleSignIn') fail('source/type');
        if (Object.keys(r.additionalEventData).sort().join() !== 'LoginTo,MFAUsed,MobileVersion') fail('additionalEventData');
        const outcome = r.responseElements.ConsoleLogin;
        if (outcome !== 'Success' && outcome !== 'Failure') fail('ConsoleLogin outcome');
        if ((outcome === 'Failure') !== (r.errorMessage === 'Failed authentication')) fail('errorMessage');
      }),
    ).toEqual([]);
    const failures = logins.filter((r) => r.responseElements.ConsoleLogin === 'Failure');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.length / logins.length).toBeLessThan(0.6);
    const ok = logins.filter((r) => r.responseElements.ConsoleLogin === 'Success');
    expect(ok.some((r) => r.sourceIPAddress === '211.60.50.190')).toBe(true);
    const offices = new Set(['211.60.50.190', '211.60.50.186', '62.31.148.29', '34.201.118.62']);
    const fromOffice = ok.filter((r) => offices.has(r.sourceIPAddress)).length / ok.length;
    expect(fromOffice).toBeGreaterThan(0.6);
    expect(fromOffice).toBeLessThan(1);
  });

  it('has a burst of failed logins a "5 failures in 10 minutes from one IP" detection finds', () => {
    const hits = (rs: Rec[]) => {
      const byIp = new Map<string, number[]>();
      for (const r of rs) {
        if (r.eventName !== 'ConsoleLogin' || r.responseElements.ConsoleLogin !== 'Failure') continue;
        const list = byIp.get(r.sourceIPAddress) ?? [];
        list.push(Date.parse(r.eventTime));
        byIp.set(r.sourceIPAddress, list);
      }
      return [...byIp].filter(([, ts]) => ts.some((t, i) => i + 4 < ts.length && ts[i + 4] - t <= 600_000)).map(([ip]) => ip);
    };
    expect(hits(recs).length).toBeGreaterThan(0);
    expect(hits(recs)).not.toContain('211.60.50.190');
    // Every demo has one, whatever the seed.
    expect(hits([...generateEvents({ ...OPTS, count: 2000, seed: 3 })]).length).toBeGreaterThan(0);
  });

  it('has S3 data events with object and bucket resources', () => {
    const data = recs.filter((r) => r.eventCategory === 'Data');
    expect(data.length / recs.length).toBeGreaterThan(0.1);
    expect(data.length / recs.length).toBeLessThan(0.7);
    const names = new Set(data.map((r) => r.eventName));
    for (const n of ['GetObject', 'PutObject', 'DeleteObject']) expect(names).toContain(n);
    expect(
      violations(data, (r, fail) => {
        if (r.managementEvent !== false || r.eventSource !== 's3.amazonaws.com') fail('managementEvent/source');
        const types = r.resources.map((x: Rec) => x.type);
        if (!types.includes('AWS::S3::Bucket')) fail('bucket resource');
        if (r.eventName !== 'ListObjects') {
          if (!types.includes('AWS::S3::Object')) fail('object resource');
          if (r.resources[0].ARN !== `arn:aws:s3:::${r.requestParameters.bucketName}/${r.requestParameters.key}`) fail('object ARN');
        }
        if (typeof r.additionalEventData.bytesTransferredIn !== 'number' || typeof r.additionalEventData.bytesTransferredOut !== 'number') fail('bytes');
      }),
    ).toEqual([]);
  });

  it('has errors at a few-percent rate, with the usual codes', () => {
    const rate = share((r) => typeof r.errorCode === 'string');
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.1);
    const codes = new Set(recs.map((r) => r.errorCode).filter(Boolean));
    for (const code of ['AccessDenied', 'Client.UnauthorizedOperation', 'NoSuchEntity']) expect(codes).toContain(code);
    const denied = recs.find((r) => r.errorCode === 'AccessDenied' && r.eventSource === 'iam.amazonaws.com');
    expect(denied?.errorMessage).toMatch(/is not authorized to perform: iam:/);
  });
});
