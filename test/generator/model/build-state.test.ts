// The model carries resources, transitions, lists and waiters (with Smithy's default delays).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelSpec } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('the model of test/fixtures/specs/stateful.yaml', async () => {
  const { model } = await modelSpec(ROOT, 'test/fixtures/specs/stateful.yaml');
  const action = (name: string) => model!.actions.find((a) => a.name === name)!;

  it('has the resource, with its id parameter on each transition', () => {
    expect(model!.resources).toEqual([
      { name: 'Thing', id: 'ThingId', states: ['Running', 'Starting', 'Stopping', 'Stopped'] },
    ]);
    expect(action('StartThing').transition).toEqual({
      resource: 'Thing',
      idParam: 'ThingId',
      from: ['Stopped'],
      via: 'Starting',
      to: 'Running',
      otherwise: 'IncorrectThingStatus',
      notFound: 'InvalidThingId.NotFound',
    });
    expect(action('DescribeThings').lists).toEqual({
      resource: 'Thing',
      idField: 'ThingId',
      itemsPath: ['Things', 'Thing'],
      stateField: 'Status',
    });
  });

  it.each([
    ['ThingRunning', { minDelay: 1, maxDelay: 8, acceptors: 2 }],
    ['ThingStopped', { minDelay: 2, maxDelay: 120, acceptors: 1 }],
  ])('has waiter %s, delays defaulting to Smithy’s', (name, want) => {
    const waiter = action('DescribeThings').waiters.find((w) => w.name === name)!;
    expect({
      minDelay: waiter.minDelay,
      maxDelay: waiter.maxDelay,
      acceptors: waiter.acceptors.length,
    }).toEqual(want);
    expect(waiter.acceptors[0]).toEqual({
      state: 'success',
      matcher: {
        path: 'Things.Thing[].Status',
        comparator: 'allStringEquals',
        expected: name === 'ThingRunning' ? 'Running' : 'Stopped',
      },
    });
  });

  it('leaves actions without the declarations without them', () => {
    expect(action('StartThing').waiters).toEqual([]);
    expect(action('StartThing').lists).toBeUndefined();
    expect(action('DescribeThings').transition).toBeUndefined();
  });
});
