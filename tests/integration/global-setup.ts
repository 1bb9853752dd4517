import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, type TestServer } from '../helpers/server';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { ADMIN } from '../helpers/session';
import { LAKE_KEYS } from '../helpers/lake-client';
import { testImportRoot } from '../helpers/import-root';
import { testCertificate, type TestTls } from '../helpers/smtp';

// A second checkout (another worktree) can run its own suite beside this one on another port.
const PORT = Number(process.env.TRAILBENCH_IT_PORT ?? 3124);

let server: TestServer | undefined;
let postgres: TestPostgres | undefined;

/** TRAILBENCH_TEST_DB=postgres runs the same suite with the app database on PostgreSQL. */
export default async function setup(project: TestProject) {
  if (process.env.TRAILBENCH_TEST_DB === 'postgres') postgres = startPostgres(PORT + 52308); // 55432 beside the default port
  // the mail servers tests start use this certificate; the server trusts it as Node trusts any private CA
  const smtpTls = testCertificate(path.resolve(__dirname, '../../.tmp/it-smtp'));
  server = await startServer({
    port: PORT,
    dataDir: path.resolve(__dirname, '../../.tmp/it-data'),
    env: {
      TRAILBENCH_DEMO_EVENTS: '5000',
      // the suite's archives are written to temp directories, imported with file:// through the server
      TRAILBENCH_IMPORT_ROOTS: testImportRoot(),
      TRAILBENCH_LAKE_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
      TRAILBENCH_LAKE_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
      TRAILBENCH_MAX_CONCURRENT_QUERIES: '10',
      // alert tests wait on conditions; a short tick and retry base keep them quick
      TRAILBENCH_ALERT_TICK_SECONDS: '1',
      TRAILBENCH_ALERT_RETRY_BASE_SECONDS: '0.5',
      // the tests' webhook receivers listen on this host, which webhooks may not reach by default
      TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
      NODE_EXTRA_CA_CERTS: smtpTls.certPath,
      // the suite's files each make their stores on one server: more than CloudTrail Lake's 10
      TRAILBENCH_MAX_EVENT_DATA_STORES: '20',
      TRAILBENCH_ADMIN_EMAIL: ADMIN.email,
      TRAILBENCH_ADMIN_PASSWORD: ADMIN.password,
      PORT: String(PORT),
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      // An AWS-style connection pointed at the lake's own HTTP endpoint, keys from the standard chain.
      TRAILBENCH_CONNECTIONS: JSON.stringify([
        { id: 'self', name: 'This lake over the AWS API', type: 'aws', regions: ['us-east-1'], endpoint: `http://127.0.0.1:${PORT}/lake` },
      ]),
      AWS_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
    },
  });
  project.provide('baseUrl', server.url);
  project.provide('database', postgres ? 'postgres' : 'sqlite');
  project.provide('smtpTls', smtpTls);
  // the alert restart test runs a server of its own, on a database of its own
  project.provide('ownDatabaseUrl', postgres ? postgres.createDatabase('trailbench_own') : '');
  return async () => {
    await server?.stop();
    postgres?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    database: 'sqlite' | 'postgres';
    ownDatabaseUrl: string;
    smtpTls: TestTls;
  }
}
