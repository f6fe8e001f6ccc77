import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium with the built extension loaded
// (.output/chrome-mv3); `npm run test:browser` builds it first.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // What a reader waits to see, not how fast it comes: a loaded machine (a CI
    // runner) is slower by several times, and speed is measured in the benchmarks.
    expect: { poll: { timeout: 10_000 } },
  },
});
