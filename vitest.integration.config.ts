import { defineConfig } from 'vitest/config';

// Runs against a real `next start` server (started in global-setup) over HTTP.
export default defineConfig({
  test: {
    // the AWS SDK's notice about its future releases' Node versions is noise in every test's output
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: ['tests/integration/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
