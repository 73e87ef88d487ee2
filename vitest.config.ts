import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summary-reporter.ts';

export default defineConfig({
  test: {
    // Every generated package's own vitest conformance suite runs too, against one reference server
    // serving them all, started by the global setup.
    include: ['test/**/*.test.ts', 'generated/*/conformance/*.test.ts'],
    globalSetup: ['test/support/conformance-global-setup.ts'],
    // Generous enough for a busy machine; the tests themselves never time anything.
    testTimeout: 30_000,
    pool: 'forks',
    // The summary comes last: CI reads `N passed, N failed` from the final line.
    reporters: ['default', new SummaryReporter()],
  },
});
