// Every imported product (spec/imported/, from Alibaba's own metadata) generates, typechecks under
// TypeScript 7 as well (the generator has checked it under 5.9), and passes its own conformance suite
// against the reference server with no failure. `npm test` runs the two smallest specs; CI runs them
// all (`ACS_RPC_PRODUCTS=all`, `npm run test:products`).
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/start.ts';
import { runChecks } from '../../templates/conformance/runner.ts';
import { fixturePackage } from '../support/fixture-service.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'spec', 'imported');
const TSC7 = join(ROOT, 'node_modules', 'typescript7', 'bin', 'tsc');
const SMOKE = 2;

const imported = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort((a, b) => statSync(join(DIR, a)).size - statSync(join(DIR, b)).size || a.localeCompare(b));
const products = process.env.ACS_RPC_PRODUCTS === 'all' ? imported : imported.slice(0, SMOKE);

describe.each(products)('%s from its metadata', (file) => {
  it('generates, typechecks under TypeScript 7, and passes its conformance suite with no failure', async () => {
    const pkg = await fixturePackage(`spec/imported/${file}`, { sources: true });
    const server = await startServer({ services: [pkg.facts], seeds: [] });
    try {
      await promisify(execFile)(process.execPath, [TSC7, '-p', join(pkg.dir, 'tsconfig.json'), '--noEmit']);
      const result = await runChecks(
        pkg.facts,
        { endpoint: server.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', values: {} },
        { seed: 1, authChecks: true },
      );
      const failures = result.outcomes
        .filter((o) => o.failure !== undefined)
        .map((o) => `${o.id}: ${o.failure?.message}`);
      expect(failures).toEqual([]);
      expect(result.outcomes.filter((o) => o.failure === undefined && !o.skipped).length).toBeGreaterThan(0);
    } finally {
      await server.close();
      await pkg.remove();
    }
  }, 600_000);
});
