// Seeds: the default ECS seed is what server/README.md documents, and a seed that contradicts itself
// or its spec is refused with the entry at fault named.
import { conformanceFacts } from '@acs-rpc/ecs/conformance';
import { describe, expect, it } from 'vitest';
import { checkSeed, checkSeedStates, loadSeed, seedValues } from '../../../server/state/seed.ts';
import { ECS_SEED } from '../../support/ecs-server.ts';

describe('the default ECS seed', () => {
  it('has 2+ regions of 2+ zones, 137+ instances in cn-hangzhou in all five states', async () => {
    const seed = await loadSeed(ECS_SEED);
    expect(seed.product).toBe('Ecs');
    expect(seed.scopes.length).toBeGreaterThanOrEqual(2);
    for (const scope of seed.scopes) expect(scope.within.ZoneId?.length).toBeGreaterThanOrEqual(2);
    const hz = (seed.resources.Instance ?? []).filter((i) => i.attributes.RegionId === 'cn-hangzhou');
    expect(hz.length).toBeGreaterThanOrEqual(137);
    expect(new Set(hz.map((i) => i.state))).toEqual(
      new Set(['Pending', 'Running', 'Starting', 'Stopping', 'Stopped']),
    );
    expect(() => checkSeedStates(seed, conformanceFacts.resources)).not.toThrow();
  });
});

describe('the values a suite is given to stay inside a seed', () => {
  it('are the first scope and the first value of each list within it', () => {
    const seed = checkSeed(
      {
        product: 'P',
        scopes: [
          { RegionId: 'r1', ZoneId: ['z1', 'z2'], ClusterId: [] },
          { RegionId: 'r2', ZoneId: ['z3'] },
        ],
      },
      'seed',
    );
    expect(seedValues(seed)).toEqual({ RegionId: 'r1,r2', ZoneId: 'z1,z2' });
  });

  it('are none without scopes', () => {
    expect(seedValues(checkSeed({ product: 'P' }, 'seed'))).toEqual({});
  });
});

describe('a seed that contradicts itself', () => {
  const scope = { RegionId: 'r', ZoneId: ['z'], ClusterId: ['c'] };
  const instance = { id: 'i-1', state: 'Running', RegionId: 'r', ZoneId: 'z' };
  const seed = (instances: unknown[], scopes: unknown[] = [scope]) => ({
    product: 'Ecs',
    scopes,
    resources: { Instance: instances },
  });
  it.each([
    ['no product', { given: {}, want: 'needs "product"' }],
    [
      'a scope without a root',
      { given: seed([], [{ ZoneId: ['z'] }]), want: 'scopes[0] needs one root value' },
    ],
    ['two root keys', { given: seed([], [scope, { Region: 'x' }]), want: 'the same root key' }],
    [
      'an unknown region',
      { given: seed([{ ...instance, RegionId: 'x' }]), want: 'Instance[0] (i-1) names unknown RegionId x' },
    ],
    [
      'a zone of another scope',
      { given: seed([{ ...instance, ZoneId: 'x' }]), want: 'names unknown ZoneId x' },
    ],
    [
      'an unknown cluster',
      { given: seed([{ ...instance, ClusterId: 'x' }]), want: 'names unknown ClusterId x' },
    ],
    ['no state', { given: seed([{ id: 'i-1' }]), want: '(i-1) needs a state' }],
    ['a repeated id', { given: seed([instance, instance]), want: 'Instance[1] (i-1) repeats an id' }],
  ])('%s is refused', (_name, { given, want }) => {
    expect(() => checkSeed(given, 'seed.yaml')).toThrow(want);
  });
});

describe('a seed that contradicts its spec', () => {
  it.each([
    [
      'a state the spec does not declare',
      { given: { Instance: [{ id: 'i-1', state: 'Gone' }] }, want: 'has state Gone' },
    ],
    [
      'an undeclared resource',
      { given: { Disk: [{ id: 'd-1', state: 'In_use' }] }, want: 'resource Disk is not declared' },
    ],
  ])('%s is refused', (_name, { given, want }) => {
    const seed = checkSeed({ product: 'Ecs', resources: given }, 'seed.yaml');
    expect(() => checkSeedStates(seed, conformanceFacts.resources)).toThrow(want);
  });
});
