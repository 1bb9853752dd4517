import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { withWorkerPool } from './lib/util/worker-pool.mjs';
import { E2E_IMPORT_ROOT, LAKE_KEYS } from './e2e/lake';

// End-to-end tests run against the production build (`next build` is done by the test script first)
// with Debian's Chromium, fully offline: every host name except the local server fails to resolve.
const PORT = Number(process.env.TRAILBENCH_E2E_PORT ?? 3123); // another worktree can use another port
const BASE_URL = `http://127.0.0.1:${PORT}`;
fs.mkdirSync(E2E_IMPORT_ROOT, { recursive: true });

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: BASE_URL,
    storageState: '.tmp/e2e-auth.json', // written by e2e/global-setup.ts
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `./node_modules/.bin/next start -p ${PORT} -H 127.0.0.1`,
    url: `${BASE_URL}/api/health`,
    // the worker pool sized like `npm start` sizes it (lib/util/worker-pool.mjs)
    env: withWorkerPool({
      TRAILBENCH_DATA_DIR: '.tmp/e2e-data',
      TRAILBENCH_DEMO_EVENTS: '20000',
      // small, so e2e/queue.spec.ts can fill every slot
      TRAILBENCH_MAX_CONCURRENT_QUERIES: '2',
      // e2e/alerts.spec.ts's webhook receiver is local, which webhooks may not reach by default
      TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
      TRAILBENCH_IMPORT_ROOTS: E2E_IMPORT_ROOT,
      // the lake specs check what the console shows through the CloudTrail API, signed with these
      TRAILBENCH_LAKE_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
      TRAILBENCH_LAKE_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
      TRAILBENCH_ADMIN_EMAIL: 'admin@e2e.test',
      TRAILBENCH_ADMIN_PASSWORD: 'e2e-admin-password-1',
      PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: '1',
    }),
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
