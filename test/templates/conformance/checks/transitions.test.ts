// Transition and waiter checks: a server that behaves like ECS passes them, one that ignores state or
// accepts a transition from any state fails the check meant for it, and without a suitable resource
// the check is skipped with its reason, never passed.
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../../templates/conformance/runner.ts';
import type { ConformanceFacts } from '../../../../templates/conformance/types.ts';
import { emitFixturePackage } from '../../../support/fixture-sources.ts';
import { type Behaviour, startStatefulServer, type Thing } from '../../../support/stateful-server.ts';

let facts: ConformanceFacts;
beforeAll(async () => {
  const src = await emitFixturePackage('test/fixtures/specs/stateful.yaml');
  facts = (await import(`${src}/conformance/facts.ts`)).conformanceFacts;
});

async function run(behaviour: Behaviour, things: Thing[], only: string) {
  const server = await startStatefulServer(behaviour, things);
  try {
    const target = { endpoint: server.url, accessKeyId: 'id', accessKeySecret: 'secret', values: {} };
    const { outcomes } = await runChecks(facts, target, {
      seed: 1,
      authChecks: false,
      only,
      sleep: async () => {},
    });
    return outcomes;
  } finally {
    await server.close();
  }
}

const fleet = (): Thing[] => [
  { id: 't-1', status: 'Stopped' },
  { id: 't-2', status: 'Running' },
];

describe('against a server that behaves like ECS', () => {
  it('every transition and waiter check passes', async () => {
    for (const only of ['transition.*', 'waiter.*']) {
      const outcomes = await run('ecs-like', fleet(), only);
      expect(outcomes.map((o) => o.id).sort()).toEqual(
        only === 'waiter.*'
          ? ['waiter.DescribeThings.ThingRunning', 'waiter.DescribeThings.ThingStopped']
          : [
              'transition.StartThing.moves',
              'transition.StartThing.not-found',
              'transition.StartThing.wrong-state',
              'transition.StopThing.moves',
              'transition.StopThing.not-found',
              'transition.StopThing.wrong-state',
            ],
      );
      expect(outcomes.filter((o) => o.failure !== undefined || o.skipped !== undefined)).toEqual([]);
    }
  });

  it('brings a resource into the from-state with the opposite transition when none is there', async () => {
    const outcomes = await run('ecs-like', [{ id: 't-9', status: 'Running' }], 'transition.StartThing.moves');
    expect(outcomes[0]).toMatchObject({ id: 'transition.StartThing.moves' });
    expect(outcomes[0]!.failure).toBeUndefined();
    expect(outcomes[0]!.skipped).toBeUndefined();
  });
});

describe('catches servers that drop the state semantics', () => {
  it.each<[Behaviour, string, RegExp]>([
    ['ignores-state', 'transition.StartThing.moves', /t-1 shows Stopped; want Starting or Running/],
    ['ignores-state', 'waiter.DescribeThings.ThingRunning', /ThingRunning: not reached within/],
    ['any-state', 'transition.StartThing.wrong-state', /expected IncorrectThingStatus .* got a success/],
    ['any-state', 'transition.StopThing.wrong-state', /expected IncorrectThingStatus .* got a success/],
  ])('%s fails %s', async (behaviour, id, reason) => {
    const outcomes = await run(behaviour, fleet(), id);
    expect(outcomes.map((o) => o.id)).toEqual([id]);
    expect(outcomes[0]!.failure?.message).toMatch(reason);
  });
});

describe('without a resource to work on', () => {
  it.each([
    [
      'transition.StartThing.moves',
      /^needs a Thing in state Stopped; none found, and none could be brought there$/,
    ],
    [
      'transition.StartThing.wrong-state',
      /^needs a Thing in a settled state other than Stopped; none found$/,
    ],
    ['waiter.DescribeThings.ThingStopped', /^needs a Thing in state Running; none found/],
  ])('%s is skipped, with the reason', async (id, reason) => {
    const outcomes = await run('ecs-like', [], id);
    expect(outcomes[0]!.failure).toBeUndefined();
    expect(outcomes[0]!.skipped).toMatch(reason);
  });
});
