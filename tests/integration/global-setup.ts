import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, type TestServer } from '../helpers/server';

import { LAKE_KEYS } from '../helpers/lake-client';
let server: TestServer | undefined;

export default async function setup(project: TestProject) {
  server = await startServer({
    port: 3124,
    dataDir: path.resolve(__dirname, '../../.tmp/it-data'),
    env: {
      TRAILBENCH_DEMO_EVENTS: '5000',
      TRAILBENCH_LAKE_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
      TRAILBENCH_LAKE_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
      TRAILBENCH_MAX_CONCURRENT_QUERIES: '10',
      // An AWS-style connection pointed at the lake's own HTTP endpoint, keys from the standard chain.
      TRAILBENCH_CONNECTIONS: JSON.stringify([{ id: 'self', name: 'This lake over the AWS API', type: 'aws', regions: ['us-east-1'], endpoint: 'http://127.0.0.1:3124/lake' }]),
      AWS_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
    },
  });
  project.provide('baseUrl', server.url);
  return async () => server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}
