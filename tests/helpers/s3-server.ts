import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real S3-compatible server on the loopback interface, in its own process, for the s3:// source.
 *
 * Why s3rver and not Ceph's RADOS Gateway: Debian's `radosgw` (16.2) serves S3 only in front of a
 * running Ceph cluster — a monitor, a manager and at least one OSD with its own keyrings, monmap
 * and object store — which a test would have to bootstrap as root on every run (minutes, and
 * packages CI does not have). s3rver speaks the same REST protocol (SigV4 checked against its
 * key pair S3RVER/S3RVER, ListObjectsV2 paged at 1,000 keys, NoSuchKey, 403s for unknown keys),
 * stores objects on disk, and starts in a second. What it cannot do: bucket policies, so an
 * "access-denied bucket" is a caller whose key the server refuses (403 InvalidAccessKeyId); and
 * regions, which it accepts and ignores. Its continuation tokens are DES-encrypted, which
 * OpenSSL 3 keeps in its legacy provider: hence the flag on its process.
 */
export async function startS3(buckets: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-s3-'));
  const script = `
    const S3rver = require('s3rver');
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1], configureBuckets: JSON.parse(process.argv[2]) });
    server.run().then(({ port }) => console.log(JSON.stringify({ port })));
    process.stdin.on('end', () => process.exit(0)); process.stdin.resume();`;
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', script, dir, JSON.stringify(buckets.map((name) => ({ name })))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before listening`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async close() {
      child.stdin.end(); // it exits when its stdin closes, so it never outlives the test
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
