// Which actions change state, and how checks that must not change it still reach them: a read action
// is asked with a minimal request and must succeed; a state-changing one is asked about an unknown
// resource and must answer the transition's NotFound, a refusal that changes nothing.
import { baseParams, expectError, expectSuccess, wire } from './assert.js';
import type { Exchange } from './http.js';
import type { ActionFacts, CheckContext, ConformanceFacts } from './types.js';

/** An id no server has, for not-found checks. */
export const ABSENT_ID = 'conformance-absent-id';

/** Repeating it does not give the same answer: not idempotent, or it moves a resource's state. */
export function changesState(action: ActionFacts): boolean {
  return !action.descriptor.idempotent || action.transition !== undefined;
}

/** The action service-wide checks (authentication, routing, RequestId) use: the first that only reads. */
export function probeAction(facts: ConformanceFacts): ActionFacts {
  return facts.actions.find((a) => !changesState(a)) ?? facts.actions[0]!;
}

export interface Probe {
  /** What the answer must be: a valid success for a read, the NotFound error for a transition. */
  readonly answer: 'success' | string;
  params(ctx: CheckContext): [string, string][];
  /** Asserts the answer; returns what it says apart from its RequestId, for comparisons. */
  expect(ctx: CheckContext, exchange: Exchange): unknown;
}

/** How to call the action without changing anything; a string says why that is impossible. */
export function probeFor(action: ActionFacts): Probe | string {
  if (!changesState(action)) {
    return {
      answer: 'success',
      params: (ctx) => wire(action, baseParams(ctx, action)),
      expect: (_ctx, exchange) => ({ ...expectSuccess(action, exchange), RequestId: '' }),
    };
  }
  const t = action.transition;
  if (t?.notFound === undefined)
    return `${action.descriptor.name} changes state and declares no transition with a notFound error, so no request reaches it without changing something`;
  const code = t.notFound;
  return {
    answer: code,
    params: (ctx) => wire(action, withId(ctx, action, t.idParam, ABSENT_ID)),
    expect: (ctx, exchange) => {
      expectError(ctx, exchange, code);
      return { Code: exchange.body?.Code, Message: exchange.body?.Message };
    },
  };
}

/** The minimal request naming one resource, whatever the id parameter's wire style. */
export function withId(
  ctx: CheckContext,
  action: ActionFacts,
  idParam: string,
  id: string,
): Record<string, unknown> {
  const style = action.params.find((p) => p.name === idParam)?.style;
  return baseParams(ctx, action, { [idParam]: style === 'repeatList' ? [id] : id });
}
