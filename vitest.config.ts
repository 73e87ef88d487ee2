import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The generated package's own vitest conformance suite runs too, against a reference server
    // started by the global setup.
    include: ['test/**/*.test.ts', 'generated/*/conformance/*.test.ts'],
    globalSetup: ['test/support/conformance-global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
