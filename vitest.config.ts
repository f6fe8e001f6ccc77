import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import { BUNDLED_VERSION } from './glossary/data';
import { MODULE_ALIASES } from './scripts/module-aliases';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: { alias: MODULE_ALIASES },
  // As the build sets it (wxt.config.ts); the file itself is served by the setup file.
  define: { __ATAZAN_BUNDLED_VERSION__: JSON.stringify(BUNDLED_VERSION) },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/support/bundled-glossary-file.ts'],
    // Correctness, not speed: whole-glossary checks and CLI runs in fresh processes take
    // seconds on a busy 2-core machine. Speed is measured in the benchmarks.
    testTimeout: 30_000,
  },
});
