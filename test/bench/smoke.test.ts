// Each benchmark starts and yields numbers (no timing is asserted: numbers are for bench/RESULTS.md),
// in the smallest run its options allow.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureLoadedBytes } from '../../bench/client-loaded.ts';
import { loadedSection } from '../../bench/client-loaded-tables.ts';
import { measureBundleSizes, measureImports } from '../../bench/client-size.ts';
import { measureMutants, mutantSection } from '../../bench/conformance-mutants.ts';
import { measureGeneration } from '../../bench/generation.ts';
import { measurePerCall, perCallSection } from '../../bench/per-call.ts';
import { runServerLoad } from '../../bench/server-load.ts';
import { runServerThroughput } from '../../bench/server-throughput.ts';
import { VARIANTS } from '../support/mutants/index.ts';

describe('benchmarks start and measure', () => {
  it('server throughput', { timeout: 120_000 }, async () => {
    const result = await runServerThroughput({ seconds: 1, rounds: 1, connections: 2 });
    for (const f of [result.bare, result.reference]) {
      expect(f.rounds).toHaveLength(1);
      expect(f.requestsPerSecond).toBeGreaterThan(0);
      expect(f.cpuMicrosPerRequest).toBeGreaterThan(0);
      expect(f.errors).toBe(0);
    }
    expect(result.ratio).toBeGreaterThan(0);
  });

  // Every contestant for one short round, one call in flight: each answers, and the goals are judged.
  it('per-call overhead', { timeout: 120_000 }, async () => {
    const result = await measurePerCall({ seconds: 0.05, rounds: 1, concurrencies: [1] });
    expect(result.figures).toHaveLength(8);
    for (const f of result.figures) {
      expect(f.callsPerSecond).toBeGreaterThan(0);
      expect(f.cpuUsPerCall).toBeGreaterThan(0);
    }
    expect(result.goals.map((g) => g.target)).toEqual([0.8, 1.5, 0.8, 1.5]);
    expect(perCallSection(result).join('\n')).toContain('| 1 in flight | calls/s |');
  });

  // Three server processes, each loading every generated package: slow when the machine is busy.
  it('server under load', { timeout: 180_000 }, async () => {
    const figures = await runServerLoad({ requests: 20, concurrency: 2, nonceBytes: 1_000 });
    expect(figures).toHaveLength(3);
    for (const f of figures) {
      expect(f.requests).toBe(20);
      expect(f.errors).toBe(0);
      expect(f.requestsPerSecond).toBeGreaterThan(0);
      expect(f.p99Ms).toBeGreaterThanOrEqual(f.p50Ms);
      expect(f.rssBeforeMb).toBeGreaterThan(0);
      expect(f.rssAfterMb).toBeGreaterThan(0);
    }
    expect(figures.slice(1).map((f) => f.background?.errors)).toEqual([0, 0]);
  });

  // One variant against one check, and the transparent proxy against the same check.
  it('conformance suite against broken servers', { timeout: 120_000 }, async () => {
    const variants = VARIANTS.filter((v) => v.name === 'requestid-reused');
    const figures = await measureMutants({ variants, only: 'response.request-id-unique', concurrency: 1 });
    expect(figures.checks).toBe(1);
    expect(figures.falsePositives).toEqual([]);
    expect(figures.outcomes.map((o) => [o.name, o.failed])).toEqual([
      ['requestid-reused', ['response.request-id-unique']],
    ]);
    expect(mutantSection(figures)).toContain('| responses | 1 | 1 | 100% |');
  });

  // Four esbuild bundles and two fresh processes importing an SDK: slow when the machine is busy.
  it('bundle size and import time', { timeout: 120_000 }, async () => {
    const sizes = await measureBundleSizes();
    expect(sizes.map((s) => s.program)).toContain('@alicloud/ecs20140526');
    for (const s of sizes) expect(s.gzipBytes).toBeGreaterThan(0);
    for (const f of measureImports(1)) expect(f.medianMs).toBeGreaterThan(0);
  });

  // Three Node bundles, two run in fresh processes against the reference server; the browser is the
  // Chromium test's (test/integration/browser/).
  it('bytes one call loads', { timeout: 120_000 }, async () => {
    const figures = await measureLoadedBytes({ browser: false });
    expect(figures.map((f) => f.platform)).toEqual(['node', 'node', 'node']);
    for (const f of figures) expect(f.loadedGz).toBeGreaterThanOrEqual(f.eagerGz);
    expect(figures.map((f) => f.note)).toEqual([undefined, undefined, undefined]);
    // A JSON call with its own keys imports no lazy chunk; the default chain's code is one it imports.
    const [explicit, chain] = figures;
    expect(explicit!.lazyLoaded).toEqual([]);
    expect(chain!.lazyLoaded.some((c) => c.includes('runtime/credentials-chain.js'))).toBe(true);
    expect(loadedSection(figures).join('\n')).toContain('Goal ≤ 12 KB loaded');
  });

  // One generation in a child process, compiler included: on a busy machine it can take a minute.
  it('generation time', { timeout: 180_000 }, () => {
    const { figures, notes } = measureGeneration({
      sizes: [1],
      rounds: 1,
      realSpec: false,
      openmetaDir: join(tmpdir(), 'acs-rpc-no-such-openmeta'),
      tools: ['acs-rpc generate', 'openapi-typescript'],
    });
    expect(figures.map((f) => `${f.tool} ${f.actions}`)).toEqual([
      'acs-rpc generate 1',
      'openapi-typescript 1',
    ]);
    for (const f of figures) {
      expect(f.error).toBeUndefined();
      expect(f.medianMs).toBeGreaterThan(0);
      expect(f.peakRssMb).toBeGreaterThan(0);
    }
    expect(Object.keys(figures[0]!.stages)).toEqual(['check', 'emit', 'compile']);
    expect(notes).toEqual([
      expect.stringContaining('is absent: no product'),
      expect.stringContaining('Load average'),
    ]);
  });
});
