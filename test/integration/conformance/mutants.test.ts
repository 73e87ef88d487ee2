// The mutation harness (test/support/mutants/): each broken-server variant the suite catches fails
// the check it names, for the reason it names, and that check passes through the transparent proxy.
// The kill rate over the whole selection is bench/conformance-mutants.ts's (bench/RESULTS.md).
import { conformanceFacts, runChecks } from '@acs-rpc/ecs/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSeed, seedValues } from '../../../server/state/seed.ts';
import { ECS_SEED, startEcsServer } from '../../support/ecs-server.ts';
import { startMutant, TRANSPARENT, VARIANTS, type Variant } from '../../support/mutants/index.ts';

const server = await startEcsServer();
afterAll(() => server.close());
// The seed's own values, as `acs-rpc start` and the bench give them.
const values = seedValues(await loadSeed(ECS_SEED));

async function run(variant: Variant, checks: readonly string[]) {
  const proxy = await startMutant(server.url, variant);
  try {
    const target = { endpoint: proxy.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', values };
    const result = await runChecks(conformanceFacts, target, {
      seed: 1,
      authChecks: true,
      only: checks.join(','),
      sleep: async () => {},
    });
    // `--only` without `*` matches ids containing it: keep exactly the checks named.
    return result.outcomes.filter((o) => checks.includes(o.id));
  } finally {
    await proxy.close();
  }
}

const caught = VARIANTS.filter((v) => v.caughtBy !== undefined);

describe('the mutation harness', () => {
  it('has at least 60 variants with unique names, in every category', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(VARIANTS.map((v) => v.name)).size).toBe(VARIANTS.length);
    expect(new Set(VARIANTS.map((v) => v.category))).toEqual(
      new Set(['authentication', 'parameters', 'filters', 'formats', 'pagination', 'responses']),
    );
    // A survivor says what request would show it; a caught one what its check reports.
    for (const v of VARIANTS) expect(v.caughtBy === undefined ? v.witness : v.reason, v.name).toBeDefined();
  });

  it('passes every check that catches a variant through the transparent proxy', async () => {
    const checks = [...new Set(caught.map((v) => v.caughtBy!))];
    const outcomes = await run(TRANSPARENT, checks);
    expect(outcomes.map((o) => o.id).sort()).toEqual([...checks].sort());
    expect(outcomes.filter((o) => o.failure !== undefined || o.skipped !== undefined)).toEqual([]);
  });

  it.each(caught.map((v) => [v.name, v.caughtBy!, v] as const))(
    '%s is caught by %s',
    async (name, check, variant) => {
      const [outcome] = await run(variant, [check]);
      expect(outcome?.failure, `${name} went unnoticed by ${check}`).toBeDefined();
      if (variant.reason !== undefined) expect(outcome!.failure!.message).toMatch(variant.reason);
    },
  );
});
