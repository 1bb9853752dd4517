/**
 * S3 APIs: bucket-level management events and object-level data events. Every S3 record is
 * logged in the bucket's region, carries S3's additionalEventData (bytes, signature, x-amz-id-2)
 * and names the bucket (and object) in `resources`.
 */
import type { ApiSpec, Ctx, Json } from './catalog-types';
import { api, fail } from './define-api';
import type { Bucket, BucketKind } from './world';

const S3 = 's3.amazonaws.com';
const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

const candidates = new Map<string, Bucket[]>();
/** The caller's account's buckets of the given kinds (all of the account's if it has none of them). */
function chooseBucket(c: Ctx, kinds: readonly BucketKind[] | null): Bucket {
  const key = c.acct.id + ':' + (kinds ? kinds.join(',') : '*');
  let list = candidates.get(key);
  if (!list) {
    const own = c.world.bucketsOf(c.acct);
    const matching = kinds ? own.filter((b) => kinds.includes(b.kind)) : own;
    list = matching.length ? matching : own.length ? own : c.world.buckets;
    candidates.set(key, list);
  }
  return c.rng.pick(list);
}

function datePath(iso: string, sep: string): string {
  return iso.slice(0, 4) + sep + iso.slice(5, 7) + sep + iso.slice(8, 10);
}

const IMAGE_NAMES = ['IMG_', 'photo_', 'scan_', 'avatar_', 'receipt_'];

/** A plausible object key for a bucket of this kind at this time. */
function objectKey(c: Ctx, b: Bucket): string {
  const r = c.rng;
  switch (b.kind) {
    case 'orders':
      return r.chance(0.8) ? `orders/${datePath(c.iso, '/')}/ord-${r.hex(10)}.json` : `exports/${datePath(c.iso, '-')}/orders-${r.range(0, 23)}.parquet`;
    case 'uploads':
      return `uploads/${r.hex(8)}/${r.pick(IMAGE_NAMES)}${r.range(1000, 9999)}.${r.pick(['jpg', 'jpg', 'png', 'heic', 'pdf'])}`;
    case 'thumbnails':
      return `thumbs/${r.pick(['128x128', '512x512', '1024x768'])}/${r.hex(12)}.webp`;
    case 'reports':
      return r.chance(0.7)
        ? `daily/${datePath(c.iso, '-')}/orders-summary.csv`
        : `weekly/${c.iso.slice(0, 4)}-w${String(r.range(1, 52)).padStart(2, '0')}/revenue.parquet`;
    case 'backups':
      return r.chance(0.3)
        ? `postgres/orders-db/${datePath(c.iso, '-')}/base-${r.hex(6)}.tar.zst`
        : `postgres/orders-db/wal/00000001000${r.hex(5).toUpperCase()}000000${c.iso.slice(11, 13)}`;
    case 'artifacts':
      return r.chance(0.5) ? `builds/orders-api/${r.hex(7)}/bundle.zip` : `lambda/thumbnail-resizer/${r.hex(7)}.zip`;
    case 'tfstate':
      return r.pick([
        'env/prod/network/terraform.tfstate',
        'env/prod/app/terraform.tfstate',
        'env/staging/app/terraform.tfstate',
        'env/prod/app/terraform.tfstate.tflock',
      ]);
    case 'cloudtrail': {
      const acct = r.pick(['404723918265', '731948260517', '268150473912', '590381726644']);
      const reg = r.chance(0.7) ? 'us-east-1' : r.pick(['us-west-2', 'eu-west-1', 'ap-northeast-2']);
      const ymd = datePath(c.iso, '');
      return `AWSLogs/o-7h2kq9x4ma/${acct}/CloudTrail/${reg}/${datePath(c.iso, '/')}/${acct}_CloudTrail_${reg}_${ymd}T${c.iso.slice(11, 13)}${c.iso.slice(14, 15)}5Z_${r.keyChars(16)}.json.gz`;
    }
    case 'config':
      return `AWSLogs/${c.acct.id}/Config/${c.region}/${datePath(c.iso, '/')}/ConfigSnapshot/${c.acct.id}_Config_${c.region}_ConfigSnapshot_${datePath(c.iso, '')}T${c.iso.slice(11, 13)}0000Z_${r.uuid()}.json.gz`;
    case 'findings':
      return `guardduty/${datePath(c.iso, '/')}/${r.uuid()}.jsonl.gz`;
    case 'billing':
      return `cur/acme-cur/${c.iso.slice(0, 4)}${c.iso.slice(5, 7)}01/acme-cur-0000${r.range(1, 4)}.csv.gz`;
  }
}

/** Roughly log-normal object size in bytes. */
function objectSize(c: Ctx, b: Bucket): number {
  const base = b.kind === 'backups' ? 16 : b.kind === 'uploads' ? 13 : b.kind === 'thumbnails' ? 10 : 8;
  return Math.max(64, Math.round(Math.exp(base + (c.rng.float() + c.rng.float() - 1) * 2)));
}

function s3Extra(c: Ctx, bytesIn: number, bytesOut: number): Json {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: bytesIn,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': c.blobs.take(c.rng, 76),
    bytesTransferredOut: bytesOut,
  };
}

/** Moves the call to the bucket's region and sets host, resources and the S3 extras. */
function onBucket(c: Ctx, b: Bucket, key: string | null, bytesIn: number, bytesOut: number): Json {
  c.region = b.region;
  c.host = `${b.name}.s3.${b.region}.amazonaws.com`;
  const bucketRes = { accountId: b.account.id, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${b.name}` };
  c.resources = key === null ? [bucketRes] : [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${b.name}/${key}` }, bucketRes];
  c.extra = s3Extra(c, bytesIn, bytesOut);
  return key === null ? { bucketName: b.name, Host: c.host } : { bucketName: b.name, Host: c.host, key };
}

const noSuchKey = fail('NoSuchKey', 'The specified key does not exist.');

/** Object-level data events; `kinds` limits which of the caller's buckets it touches. */
export function getObject(kinds: readonly BucketKind[] | null = null): ApiSpec {
  return api(S3, 'GetObject', {
    ro: true,
    data: true,
    errors: [[noSuchKey, 1]],
    errorRate: 0.03,
    build(c) {
      const b = chooseBucket(c, kinds);
      c.req = onBucket(c, b, objectKey(c, b), 0, objectSize(c, b));
    },
  });
}

export function headObject(kinds: readonly BucketKind[] | null = null): ApiSpec {
  return api(S3, 'HeadObject', {
    ro: true,
    data: true,
    iam: 's3:GetObject',
    errors: [[fail('NoSuchKey', 'Not Found'), 1]],
    errorRate: 0.1,
    build(c) {
      const b = chooseBucket(c, kinds);
      c.req = onBucket(c, b, objectKey(c, b), 0, 0);
    },
  });
}

export function putObject(kinds: readonly BucketKind[] | null = null): ApiSpec {
  return api(S3, 'PutObject', {
    ro: false,
    data: true,
    build(c) {
      const b = chooseBucket(c, kinds);
      c.req = onBucket(c, b, objectKey(c, b), objectSize(c, b), 0);
      const resp: Json = b.kmsKeyArn
        ? {
            'x-amz-server-side-encryption-aws-kms-key-id': b.kmsKeyArn,
            'x-amz-server-side-encryption': 'aws:kms',
            'x-amz-server-side-encryption-bucket-key-enabled': 'true',
          }
        : { 'x-amz-server-side-encryption': 'AES256' };
      if (b.versioned) resp['x-amz-version-id'] = c.blobs.take(c.rng, 32).replace(/[+/]/g, '_');
      c.resp = resp;
    },
  });
}

export function deleteObject(kinds: readonly BucketKind[] | null = null): ApiSpec {
  return api(S3, 'DeleteObject', {
    ro: false,
    data: true,
    build(c) {
      const b = chooseBucket(c, kinds);
      c.req = onBucket(c, b, objectKey(c, b), 0, 0);
      c.resp = b.versioned ? { 'x-amz-delete-marker': 'true', 'x-amz-version-id': c.blobs.take(c.rng, 32).replace(/[+/]/g, '_') } : null;
    },
  });
}

export function listObjects(kinds: readonly BucketKind[] | null = null): ApiSpec {
  return api(S3, 'ListObjects', {
    ro: true,
    data: true,
    iam: 's3:ListBucket',
    build(c) {
      const b = chooseBucket(c, kinds);
      const req = onBucket(c, b, null, 0, c.rng.range(300, 60000));
      const prefix = objectKey(c, b);
      c.req = { 'list-type': '2', ...req, 'encoding-type': 'url', prefix: prefix.slice(0, prefix.lastIndexOf('/') + 1), delimiter: '/', 'max-keys': '1000' };
    },
  });
}

/** Bucket-level GET with S3's `<subresource>: ""` request parameter. */
function bucketRead(name: string, sub: string, iam: string, errors?: Array<readonly [ReturnType<typeof fail>, number]>, errorRate?: number) {
  return (kinds: readonly BucketKind[] | null = null): ApiSpec =>
    api(S3, name, {
      ro: true,
      iam,
      errors,
      errorRate,
      build(c) {
        const b = chooseBucket(c, kinds);
        c.req = { ...onBucket(c, b, null, 0, 0), [sub]: '' };
      },
    });
}

export const getBucketAcl = bucketRead('GetBucketAcl', 'acl', 's3:GetBucketAcl');
export const getBucketPolicy = bucketRead(
  'GetBucketPolicy',
  'policy',
  's3:GetBucketPolicy',
  [[fail('NoSuchBucketPolicy', 'The bucket policy does not exist'), 1]],
  0.35,
);
export const getBucketLocation = bucketRead('GetBucketLocation', 'location', 's3:GetBucketLocation');
export const getBucketVersioning = bucketRead('GetBucketVersioning', 'versioning', 's3:GetBucketVersioning');
export const getBucketEncryption = bucketRead('GetBucketEncryption', 'encryption', 's3:GetEncryptionConfiguration');
export const getBucketPublicAccessBlock = bucketRead('GetBucketPublicAccessBlock', 'publicAccessBlock', 's3:GetBucketPublicAccessBlock');
export const getBucketTagging = bucketRead('GetBucketTagging', 'tagging', 's3:GetBucketTagging', [[fail('NoSuchTagSet', 'The TagSet does not exist'), 1]], 0.3);

export const listBuckets = api(S3, 'ListBuckets', {
  ro: true,
  iam: 's3:ListAllMyBuckets',
  build(c) {
    c.host = `s3.${c.region}.amazonaws.com`;
    c.req = { Host: c.host };
    c.extra = s3Extra(c, 0, c.rng.range(1200, 4200));
  },
});

export const putBucketPolicy = api(S3, 'PutBucketPolicy', {
  ro: false,
  errors: [[fail('MalformedPolicy', 'Policy has invalid resource'), 1]],
  errorRate: 0.04,
  build(c) {
    const b = chooseBucket(c, null);
    const publicRead = c.rng.chance(0.08);
    c.req = {
      ...onBucket(c, b, null, 0, 0),
      policy: {
        Version: '2012-10-17',
        Statement: [
          publicRead
            ? { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b.name}/*` }
            : {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: [`arn:aws:s3:::${b.name}`, `arn:aws:s3:::${b.name}/*`],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
        ],
      },
    };
  },
});

export const putBucketVersioning = api(S3, 'PutBucketVersioning', {
  ro: false,
  build(c) {
    const b = chooseBucket(c, null);
    c.req = { ...onBucket(c, b, null, 0, 0), versioning: '', VersioningConfiguration: { Status: c.rng.chance(0.9) ? 'Enabled' : 'Suspended', xmlns: XMLNS } };
  },
});

export const putBucketPublicAccessBlock = api(S3, 'PutBucketPublicAccessBlock', {
  ro: false,
  build(c) {
    const b = chooseBucket(c, null);
    const on = c.rng.chance(0.85);
    c.req = {
      publicAccessBlock: '',
      ...onBucket(c, b, null, 0, 0),
      PublicAccessBlockConfiguration: { xmlns: XMLNS, BlockPublicAcls: on, IgnorePublicAcls: on, BlockPublicPolicy: on, RestrictPublicBuckets: on },
    };
  },
});

const NEW_BUCKET_PARTS = ['etl-staging', 'ml-features', 'tmp-exports', 'logs-archive', 'athena-results', 'data-lake-raw'];

export const createBucket = api(S3, 'CreateBucket', {
  ro: false,
  errors: [
    [fail('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.'), 1],
    [
      fail(
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      ),
      1,
    ],
  ],
  errorRate: 0.06,
  build(c) {
    const name = `${c.acct.alias}-${c.rng.pick(NEW_BUCKET_PARTS)}-${c.rng.hex(4)}`;
    c.host = `${name}.s3.${c.region}.amazonaws.com`;
    c.req =
      c.region === 'us-east-1'
        ? { bucketName: name, Host: c.host }
        : { CreateBucketConfiguration: { LocationConstraint: c.region, xmlns: XMLNS }, bucketName: name, Host: c.host };
    c.resources = [{ accountId: c.acct.id, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${name}` }];
    c.extra = s3Extra(c, 0, 0);
  },
});

export const deleteBucket = api(S3, 'DeleteBucket', {
  ro: false,
  errors: [[fail('BucketNotEmpty', 'The bucket you tried to delete is not empty'), 1]],
  errorRate: 0.3,
  build(c) {
    const name = `${c.acct.alias}-${c.rng.pick(NEW_BUCKET_PARTS)}-${c.rng.hex(4)}`;
    c.host = `${name}.s3.${c.region}.amazonaws.com`;
    c.req = { bucketName: name, Host: c.host };
    c.resources = [{ accountId: c.acct.id, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${name}` }];
    c.extra = s3Extra(c, 0, 0);
  },
});
