// The error guards' names: one per product, one per action, and an action that would take the
// product's guard name gets a distinct one, so the package never exports a name twice.
import { describe, expect, it } from 'vitest';
import { errorGuardNames } from '../../../generator/emitters/naming.ts';

const model = (actions: string[]) => ({
  clientName: 'Widgets',
  packageName: 'widgets',
  actions: actions.map((name) => ({ name })) as never,
});

describe('errorGuardNames', () => {
  it.each<[string, { actions: string[]; want: Record<string, string> }]>([
    [
      'is<Action>Error for each action',
      {
        actions: ['DescribeThings', 'CreateThing'],
        want: { DescribeThings: 'isDescribeThingsError', CreateThing: 'isCreateThingError' },
      },
    ],
    [
      'is<Action>ActionError when an action is named like the product',
      { actions: ['Widgets'], want: { Widgets: 'isWidgetsActionError' } },
    ],
  ])('%s', (_name, { actions, want }) => {
    const names = errorGuardNames(model(actions));
    expect(names.product).toBe('isWidgetsError');
    expect(Object.fromEntries(names.actions)).toEqual(want);
  });
});
