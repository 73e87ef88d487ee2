import { defineConfig } from 'vitest/config';

// The runtime's unit tests alone, from source: what Stryker runs for each mutant (npm run mutation).
export default defineConfig({
  test: {
    include: ['test/templates/runtime/**/*.test.ts'],
    testTimeout: 10_000,
    pool: 'forks',
  },
});
