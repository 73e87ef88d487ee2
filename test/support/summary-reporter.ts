// Prints `N passed, N failed` as the very last line of a test run, the form CI reads. Runs after the
// default reporter. A file that fails to load, and an error outside any test, each count as a failure,
// so the line never says `0 failed` when the run failed.
import type { Reporter, TestModule } from 'vitest/node';

export interface Tally {
  readonly passed: number;
  readonly failed: number;
}

export function tally(modules: readonly TestModule[], unhandledErrors: readonly unknown[]): Tally {
  let passed = 0;
  let failed = unhandledErrors.length;
  for (const module of modules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
    }
    if (failedHere === 0 && module.state() === 'failed') failedHere = 1;
    failed += failedHere;
  }
  return { passed, failed };
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly unknown[]): void {
    const { passed, failed } = tally(modules, unhandledErrors);
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
  }
}
