import { randomUUID } from 'node:crypto';

/** A CloudTrail ConsoleLogin record as signin.amazonaws.com writes it (IAM user), for alert tests. */
export interface LoginSpec {
  time: Date;
  ip: string;
  user: string;
  success: boolean;
  region?: string;
  account?: string;
}

export function consoleLogin(s: LoginSpec): Record<string, unknown> {
  const account = s.account ?? '111122223333';
  const region = s.region ?? 'us-east-1';
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: `AIDA${s.user.toUpperCase().padEnd(16, 'X').slice(0, 16)}`,
      accountId: account,
      accessKeyId: '',
      userName: s.user,
      ...(s.success ? { arn: `arn:aws:iam::${account}:user/${s.user}` } : {}),
    },
    eventTime: s.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: region,
    sourceIPAddress: s.ip,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    ...(s.success ? {} : { errorMessage: 'Failed authentication' }),
    requestParameters: null,
    responseElements: { ConsoleLogin: s.success ? 'Success' : 'Failure' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
    eventID: randomUUID(),
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
  };
}

/** `n` failed sign-ins from one IP, `gapSeconds` apart, ending at `end`. */
export function failures(n: number, o: { end: Date; ip: string; user: string; region?: string; gapSeconds?: number }) {
  return Array.from({ length: n }, (_, i) =>
    consoleLogin({ time: new Date(o.end.getTime() - (n - 1 - i) * (o.gapSeconds ?? 20) * 1000), ip: o.ip, user: o.user, region: o.region, success: false }),
  );
}
