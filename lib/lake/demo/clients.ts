/**
 * How callers reach AWS: user-agent strings as current SDKs/CLI/console send them, TLS
 * details, and where requests come from (office NAT, homes, CI runners, NAT gateways).
 */
import type { ApiSpec } from './catalog-types';
import { hash4, hashString, Picker, type Rng } from './rng';
import { OFFICE_IPS } from './world';

export type ClientKind = 'console' | 'cli' | 'boto3' | 'java' | 'terraform' | 'node' | 'go' | 'github' | 'service';

export interface Client {
  kind: ClientKind;
  /** TLS version the client negotiates; null for calls made inside AWS (no tlsDetails). */
  tls: 'TLSv1.3' | 'TLSv1.2' | null;
  ua(spec: ApiSpec): string;
}

const JAVA_API: Record<string, string> = {
  ec2: 'EC2',
  s3: 'S3',
  iam: 'IAM',
  sts: 'STS',
  kms: 'KMS',
  lambda: 'Lambda',
  cloudtrail: 'CloudTrail',
  secretsmanager: 'Secrets_Manager',
  signin: 'Signin',
};
const GO_API_VERSION: Record<string, string> = {
  ec2: '1.254.1',
  s3: '1.88.4',
  iam: '1.47.7',
  sts: '1.38.6',
  kms: '1.45.6',
  lambda: '1.77.6',
  cloudtrail: '1.53.6',
  secretsmanager: '1.39.6',
  signin: '1.0.0',
};

/** A client whose UA depends on the API; memoised per spec (strings are the same every time). */
function perSpec(kind: ClientKind, tls: Client['tls'], make: (spec: ApiSpec) => string): Client {
  const memo = new Map<ApiSpec, string>();
  return {
    kind,
    tls,
    ua(spec) {
      let s = memo.get(spec);
      if (s === undefined) {
        s = make(spec);
        // S3 writes the SDK user agent in brackets.
        if (spec.svc === 's3' && kind !== 'service' && kind !== 'console') s = `[${s}]`;
        memo.set(spec, s);
      }
      return s;
    },
  };
}

const CLI_OS: Record<'mac' | 'linux' | 'windows', string> = {
  mac: 'os/macos#24.6.0 md/arch#arm64 lang/python#3.13.7 md/pyimpl#CPython',
  linux: 'os/linux#6.8.0-1036-aws md/arch#x86_64 lang/python#3.13.7 md/pyimpl#CPython',
  windows: 'os/windows#11 md/arch#amd64 lang/python#3.13.7 md/pyimpl#CPython',
};

export function cliClient(os: keyof typeof CLI_OS, version = '2.31.4'): Client {
  return perSpec(
    'cli',
    'TLSv1.3',
    (spec) => `aws-cli/${version} md/awscrt#0.27.6 ua/2.1 ${CLI_OS[os]} m/E,Z,b cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#${spec.cli}`,
  );
}

/** An old CLI v1 + Python on a Kali box: what an attacker with a stolen key typically shows. */
export function kaliCliClient(): Client {
  return perSpec('cli', 'TLSv1.2', () => 'aws-cli/1.33.28 Python/3.11.9 Linux/6.8.11-amd64 botocore/1.34.146');
}

export function boto3Client(lambdaRuntime?: string, version = '1.40.55'): Client {
  const env = lambdaRuntime ? ` exec-env/AWS_Lambda_${lambdaRuntime}` : '';
  const os = lambdaRuntime ? 'os/linux#5.10.240-258.955.amzn2.x86_64 md/arch#x86_64' : 'os/linux#6.1.147-172.266.amzn2023.x86_64 md/arch#x86_64';
  return perSpec(
    'boto3',
    'TLSv1.3',
    () => `Boto3/${version} md/Botocore#${version} ua/2.1 ${os} lang/python#3.12.11 md/pyimpl#CPython${env} m/Z,b,D cfg/retry-mode#legacy Botocore/${version}`,
  );
}

export function javaClient(): Client {
  return perSpec(
    'java',
    'TLSv1.2',
    (spec) =>
      `aws-sdk-java/2.33.4 md/io#sync md/http#Apache ua/2.1 api/${JAVA_API[spec.svc] ?? spec.svc}#2.33.x os/Linux#6.1.147-172.266.amzn2023.x86_64 lang/java#21.0.8 md/OpenJDK_64-Bit_Server_VM#21.0.8+9-LTS md/vendor#Amazon.com_Inc. md/en_US m/D,N,e`,
  );
}

export function terraformClient(): Client {
  return perSpec(
    'terraform',
    'TLSv1.3',
    (spec) =>
      `APN/1.0 HashiCorp/1.0 Terraform/1.13.4 (+https://www.terraform.io) terraform-provider-aws/6.18.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.39.3 ua/2.1 os/linux lang/go#1.24.8 md/GOOS#linux md/GOARCH#amd64 api/${spec.svc}#${GO_API_VERSION[spec.svc] ?? '1.0.0'} m/C,g`,
  );
}

export function nodeClient(lambdaRuntime?: string): Client {
  const env = lambdaRuntime ? ` exec-env/AWS_Lambda_${lambdaRuntime}` : '';
  return perSpec(
    'node',
    'TLSv1.3',
    (spec) => `aws-sdk-js/3.908.0 ua/2.1 os/linux#5.10.240-258.955.amzn2.x86_64 lang/js md/nodejs#22.20.0 api/${spec.svc}#3.908.0 m/E,e${env}`,
  );
}

export function goClient(): Client {
  return perSpec(
    'go',
    'TLSv1.3',
    (spec) => `aws-sdk-go-v2/1.39.3 ua/2.1 os/linux lang/go#1.24.8 md/GOOS#linux md/GOARCH#amd64 api/${spec.svc}#${GO_API_VERSION[spec.svc] ?? '1.0.0'} m/E`,
  );
}

/** aws-actions/configure-aws-credentials on a GitHub-hosted runner. */
export function githubClient(): Client {
  return perSpec(
    'github',
    'TLSv1.3',
    (spec) =>
      `aws-sdk-js/3.901.0 ua/2.1 os/linux#6.11.0-1018-azure lang/js md/nodejs#20.19.5 api/${spec.svc}#3.901.0 m/N,E,e configure-aws-credentials-for-github-actions`,
  );
}

export const BROWSERS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:145.0) Gecko/20100101 Firefox/145.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
] as const;

export const S3_CONSOLE_UA =
  '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.788 Linux/5.10.240-238.966.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.462-b08 java/1.8.0_462 vendor/Oracle_Corporation cfg/retry-mode/standard]';

/** The console: the browser's UA for most services, S3's own console UA for S3. */
export function consoleClient(browser: string): Client {
  return perSpec('console', 'TLSv1.3', (spec) => (spec.svc === 's3' ? S3_CONSOLE_UA : browser));
}

/** An AWS service calling on its own or on a principal's behalf: UA and source are its name. */
export function serviceClient(service: string): Client {
  return { kind: 'service', tls: null, ua: () => service };
}

// ---- where calls come from ----

export type IpSource = (rng: Rng, region: string) => string;

export const OFFICE: Picker<string> = new Picker<string>([
  [OFFICE_IPS[0], 55],
  [OFFICE_IPS[1], 15],
  [OFFICE_IPS[2], 20],
  [OFFICE_IPS[3], 10],
]);

/** Residential / mobile addresses people use away from the office (stable per person). */
function homeIp(n: number): string {
  const h = hash4(n, 0x686f6d65);
  const first = [73, 98, 86, 121, 175, 112][h % 6];
  return `${first}.${(h >>> 8) & 255}.${(h >>> 16) & 255}.${1 + ((h >>> 24) % 253)}`;
}

const TRAVEL_IPS = ['172.58.103.44', '94.204.18.211', '49.228.97.13', '203.118.40.9', '88.217.60.146', '31.94.18.202'];

/** A person: office most of the time, their home sometimes, anywhere rarely. */
export function personIps(personId: number): IpSource {
  const home = homeIp(personId);
  return (rng) => {
    const r = rng.float();
    return r < 0.92 ? OFFICE.pick(rng) : r < 0.99 ? home : rng.pick(TRAVEL_IPS);
  };
}

/** GitHub-hosted runners: a different Azure address every job. */
export const githubRunnerIps: IpSource = (rng) => `${rng.pick(['20', '40', '52', '172', '4'])}.${rng.range(1, 254)}.${rng.range(0, 255)}.${rng.range(1, 254)}`;

/** A fixed address (on-prem server, a NAT gateway). */
export const fixedIp =
  (ip: string): IpSource =>
  () =>
    ip;

/** Two NAT gateway addresses per account and region, stable. */
export function natIps(accountIdx: number): IpSource {
  const firsts = [3, 44, 54, 34, 18, 52];
  const byRegion = new Map<string, string[]>();
  return (rng, region) => {
    let ips = byRegion.get(region);
    if (!ips) {
      const r = hashString(region);
      ips = [0, 1].map((i) => {
        const h = hash4(accountIdx, r, i, 0x6e6174);
        return `${firsts[h % firsts.length]}.${(h >>> 8) & 255}.${(h >>> 16) & 255}.${1 + ((h >>> 24) % 253)}`;
      });
      byRegion.set(region, ips);
    }
    return ips[rng.int(2)];
  };
}

export const ON_PREM_DC_IP = '203.246.112.14';
export const ATTACKER_IPS = ['185.220.101.47', '45.134.26.79', '193.142.146.212', '103.251.167.20', '5.188.206.14', '91.240.118.172', '176.111.174.85'];
