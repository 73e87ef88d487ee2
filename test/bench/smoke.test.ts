// Each benchmark starts and yields numbers (no timing is asserted: numbers are for bench/RESULTS.md).
import { describe, expect, it } from 'vitest';
import { measureBundleSizes, measureImports } from '../../bench/client-size.ts';
import { measureGeneration } from '../../bench/generation.ts';
import { runServerThroughput } from '../../bench/server-throughput.ts';

// Generation of the whole ECS package outlasts the default 30 s on a loaded machine; the timeout bounds a hang.
describe('benchmarks start and measure', { timeout: 180_000 }, () => {
  it('server throughput', async () => {
    const figures = await runServerThroughput({ seconds: 0.3, concurrency: 2 });
    expect(figures).toHaveLength(2);
    for (const f of figures) {
      expect(f.requestsPerSecond).toBeGreaterThan(0);
      expect(f.errors).toBe(0);
    }
  });

  it('bundle size and import time', async () => {
    const sizes = await measureBundleSizes();
    expect(sizes.map((s) => s.program)).toContain('@alicloud/ecs20140526');
    for (const s of sizes) expect(s.gzipBytes).toBeGreaterThan(0);
    for (const f of measureImports(1)) expect(f.medianMs).toBeGreaterThan(0);
  });

  it('generation time', () => {
    const figures = measureGeneration({ sizes: [10], rounds: 1 });
    expect(figures.map((f) => `${f.tool} ${f.actions}`)).toEqual([
      'acs-rpc generate 1',
      'openapi-typescript 1',
      'acs-rpc generate 10',
      'openapi-typescript 10',
    ]);
    for (const f of figures) expect(f.medianMs).toBeGreaterThan(0);
  });
});
