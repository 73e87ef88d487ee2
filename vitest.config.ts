import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summary-reporter.ts';

/** The client's tests against real servers, run a second time on the runtime's web platform (fetch and
 * Web Crypto, what browsers, edge runtimes, Deno and Bun get): the `worker` condition picks it where
 * the runtime's package.json imports choose `#platform` (templates/runtime/platform.ts), as a
 * worker's bundler would. The first run, under Node's conditions, uses node:http and node:crypto. */
const WEB_PLATFORM_TESTS = ['test/integration/client/*.test.ts'];

/** What every project's tests assume. */
const SHARED = {
  // Generous enough for a busy machine; the tests themselves never time anything.
  testTimeout: 30_000,
  isolate: false,
  unstubEnvs: true,
  restoreMocks: true,
};

export default defineConfig({
  test: {
    // Global options (workers, reporters) stay here; each project says what it runs and how.
    pool: 'forks',
    // One worker per core (Vitest's default leaves one idle: on this 2-core machine, half the speed),
    // and test files share their worker's module cache: importing the generator and the compiler
    // once per worker, not once per file, was a third of the run. Tests keep no state in modules;
    // stubbed environment variables and spies are undone after each test.
    maxWorkers: availableParallelism(),
    // The summary comes last: CI reads `N passed, N failed` from the final line.
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          // Every generated package's own vitest conformance suite runs too, against one reference
          // server serving them all, started by the global setup.
          include: ['test/**/*.test.ts', 'generated/*/conformance/*.test.ts'],
          // Generated packages kept as snapshots hold their own suite's test file: it is the
          // snapshot's text, not a test of this repository.
          exclude: ['**/node_modules/**', 'test/**/__snapshots__/**'],
          globalSetup: ['test/support/conformance-global-setup.ts'],
          provide: { platform: 'node' },
          ...SHARED,
        },
      },
      {
        extends: true,
        resolve: { conditions: ['worker'] },
        ssr: { resolve: { conditions: ['worker'] } },
        test: { name: 'web platform', include: WEB_PLATFORM_TESTS, provide: { platform: 'web' }, ...SHARED },
      },
    ],
  },
});
