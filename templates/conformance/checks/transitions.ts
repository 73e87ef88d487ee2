// Transition checks from the spec's facts (`x-acs-rpc.transition`): a call on a resource in a
// `from` state is accepted and the resource shows `via` or `to`, then reaches `to`; a call in any
// other state is the `otherwise` error; an unknown id is `notFound`. A server that ignores state fails.
import { expectError, expectSuccess, fail, wire } from '../assert.js';
import { send } from '../http.js';
import { helpers, listerOf, listResources, resourceFor, stateOf, waitForState } from '../resources.js';
import { ABSENT_ID, withId } from '../state.js';
import { type ActionFacts, type Check, CheckSkipped, type ConformanceFacts } from '../types.js';

export function transitionChecks(facts: ConformanceFacts, action: ActionFacts): Check[] {
  const t = action.transition;
  if (t === undefined) return [];
  const name = action.descriptor.name;
  const id = (check: string) => `transition.${name}.${check}`;
  const uses = helpers(facts, t.resource).filter((a) => a !== name);
  const call = (ctx: Parameters<Check['run']>[0], resource: string) =>
    send(ctx, { action: name, params: wire(action, withId(ctx, action, t.idParam, resource)) });
  const checks: Check[] = [
    {
      id: id('moves'),
      title: `from ${t.from.join(' or ')}: accepted, shows ${[t.via, t.to].filter(Boolean).join(' or ')}, then reaches ${t.to}`,
      action: name,
      uses,
      run: async (ctx) => {
        const resource = await resourceFor(ctx, facts, t);
        if (typeof resource === 'string') throw new CheckSkipped(resource);
        const lister = listerOf(facts, t.resource)!;
        expectSuccess(action, await call(ctx, resource.id));
        const shown = await stateOf(ctx, lister, resource.id);
        const moving = [t.via, t.to].filter((s): s is string => s !== undefined);
        if (shown === undefined || !moving.includes(shown))
          fail(`after ${name}, ${resource.id} shows ${shown ?? 'nothing'}; want ${moving.join(' or ')}`);
        await waitForState(ctx, lister, resource.id, t.to, moving);
      },
    },
    {
      id: id('wrong-state'),
      title: `outside ${t.from.join(', ')}: ${t.otherwise}`,
      action: name,
      uses,
      run: async (ctx) => {
        const lister = listerOf(facts, t.resource);
        if (lister === undefined) throw new CheckSkipped(`no action lists ${t.resource} resources`);
        // Settled states only: a transitional one may settle into `from` before the call arrives.
        const moving = facts.actions.flatMap((a) =>
          a.transition?.resource === t.resource ? [a.transition.via] : [],
        );
        const wrong = (await listResources(ctx, lister)).find(
          (r) => !t.from.includes(r.state) && !moving.includes(r.state),
        );
        if (wrong === undefined)
          throw new CheckSkipped(
            `needs a ${t.resource} in a settled state other than ${t.from.join(', ')}; none found`,
          );
        expectError(ctx, await call(ctx, wrong.id), t.otherwise);
      },
    },
  ];
  if (t.notFound !== undefined) {
    const code = t.notFound;
    checks.push({
      id: id('not-found'),
      title: `an unknown ${t.idParam} is ${code}`,
      action: name,
      run: async (ctx) => expectError(ctx, await call(ctx, ABSENT_ID), code),
    });
  }
  return checks;
}
