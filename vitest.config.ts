import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the AWS SDK's notice about its future releases' Node versions is noise in every test's output
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
