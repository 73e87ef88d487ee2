import { availableParallelism } from 'node:os';
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
    // One worker per core (Vitest's default leaves one idle: on this 2-core machine, half the speed),
    // and test files share their worker's module cache: importing the generator and the compiler
    // once per worker, not once per file, was a third of the run. Tests keep no state in modules;
    // stubbed environment variables and spies are undone after each test.
    maxWorkers: availableParallelism(),
    isolate: false,
    unstubEnvs: true,
    restoreMocks: true,
    // The summary comes last: CI reads `N passed, N failed` from the final line.
    reporters: ['default', new SummaryReporter()],
  },
});
