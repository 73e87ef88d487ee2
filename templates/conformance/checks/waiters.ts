// Waiter checks: each waiter the spec declares on a listing action, run with the client's own engine
// against the server. Where a transition leads to the waiter's success state, the check calls it on a
// resource in its `from` state first; else it waits for a resource already there (one attempt).
import { AcsServiceError } from '../../runtime/errors.js';
import { runWaiter, type WaiterDescriptor } from '../../runtime/waiter.js';
import { expectSuccess, fail, wire } from '../assert.js';
import { send } from '../http.js';
import { helpers, listResources, resourceFor } from '../resources.js';
import { withId } from '../state.js';
import {
  type ActionFacts,
  type Check,
  type CheckContext,
  CheckSkipped,
  type ConformanceFacts,
} from '../types.js';

/** The longest a waiter check waits, in seconds. */
const MAX_WAIT_SECONDS = 300;

export function waiterChecks(facts: ConformanceFacts, action: ActionFacts): Check[] {
  const lists = action.lists;
  if (lists === undefined) return [];
  return (action.waiters ?? []).map((waiter) => {
    const target = successState(waiter);
    const via = facts.actions.find(
      (a) => a.transition?.resource === lists.resource && a.transition.to === target,
    );
    return {
      id: `waiter.${action.descriptor.name}.${waiter.name}`,
      title:
        via === undefined
          ? `${waiter.name} succeeds on the first poll for a ${lists.resource} already ${target}`
          : `${via.descriptor.name}, then ${waiter.name} succeeds`,
      action: action.descriptor.name,
      uses: helpers(facts, lists.resource).filter((a) => a !== action.descriptor.name),
      run: async (ctx) => {
        const t = via?.transition;
        let id: string;
        if (via !== undefined && t !== undefined) {
          const resource = await resourceFor(ctx, facts, t);
          if (typeof resource === 'string') throw new CheckSkipped(resource);
          expectSuccess(
            via,
            await send(ctx, {
              action: via.descriptor.name,
              params: wire(via, withId(ctx, via, t.idParam, resource.id)),
            }),
          );
          id = resource.id;
        } else {
          const settled = (await listResources(ctx, action)).find((r) => r.state === target);
          if (settled === undefined)
            throw new CheckSkipped(`needs a ${lists.resource} in state ${target}; none found`);
          id = settled.id;
        }
        // The bound counts the time waited between polls, so an injected sleep keeps tests instant.
        let waited = 0;
        const result = await runWaiter(waiter, () => poll(ctx, action, id), {
          maxWaitSeconds: MAX_WAIT_SECONDS,
          environment: {
            now: () => waited,
            random: Math.random,
            sleep: (ms) => {
              waited += ms;
              return ctx.sleep(ms);
            },
          },
        });
        if (via === undefined && result.attempts !== 1)
          fail(
            `${waiter.name} took ${result.attempts} attempts for a ${lists.resource} already in ${target}`,
          );
      },
    };
  });
}

/** The state a waiter's success acceptor expects, for matching it to a transition. */
function successState(waiter: WaiterDescriptor): string | undefined {
  for (const a of waiter.acceptors)
    if (a.state === 'success' && 'expected' in a.matcher) return a.matcher.expected;
  return undefined;
}

async function poll(ctx: CheckContext, action: ActionFacts, id: string): Promise<unknown> {
  const lists = action.lists!;
  const exchange = await send(ctx, {
    action: action.descriptor.name,
    params: wire(action, withId(ctx, action, lists.idField, id)),
  });
  if (exchange.status === 200) return expectSuccess(action, exchange);
  throw new AcsServiceError({
    code: String(exchange.body?.Code),
    message: String(exchange.body?.Message),
    httpStatus: exchange.status,
  });
}
