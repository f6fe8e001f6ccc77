import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Correctness, not speed: whole-glossary checks and CLI runs in fresh processes take
    // seconds on a busy 2-core machine. Speed is measured in the benchmarks.
    testTimeout: 30_000,
  },
});
