import { defineConfig } from 'vitest/config';

// Browser e2e: playwright-core drives Debian's Chromium against a running API
// (which serves the built console). No Vite plugins: the tests run in Node.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
