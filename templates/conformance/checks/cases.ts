// Cases declared in the spec, run twice: offline against the client's serializer, validator and
// parser (no server needed), and online against a server (the conformance checks).
import { parseResponse } from '../../runtime/response.js';
import { toWireParams, wireNameOf } from '../../runtime/serialize.js';
import { expectError, expectSuccess, fail, wire } from '../assert.js';
import { send } from '../http.js';
import { changesState } from '../state.js';
import {
  type ActionFacts,
  type Check,
  CheckSkipped,
  type ConformanceFacts,
  type DeclaredCase,
} from '../types.js';

export function caseChecks(action: ActionFacts): Check[] {
  return action.cases
    .filter((c) => c.response === undefined)
    .map((c) => ({
      id: `case.${action.descriptor.name}.${c.id}`,
      action: action.descriptor.name,
      title: c.description ?? c.id,
      run: async (ctx) => {
        if (c.error === undefined && changesState(action))
          throw new CheckSkipped(
            `a success of ${action.descriptor.name} changes state, so it cannot be replayed as a case`,
          );
        const exchange = await send(ctx, {
          action: action.descriptor.name,
          params: wire(action, { ...c.request }),
        });
        if (c.error === undefined) expectSuccess(action, exchange);
        else
          expectError(
            ctx,
            exchange,
            c.error.code,
            c.error.param === undefined ? undefined : new RegExp(c.error.param),
          );
      },
    }));
}

export interface OfflineCase {
  readonly id: string;
  run(): Promise<void>;
}

/** The same cases, checked against the generated client's own code. */
export function offlineCaseChecks(facts: ConformanceFacts): OfflineCase[] {
  return facts.actions.flatMap((action) =>
    action.cases.map((c) => ({
      id: `case.${action.descriptor.name}.${c.id}`,
      run: () => offline(facts, action, c),
    })),
  );
}

async function offline(facts: ConformanceFacts, action: ActionFacts, c: DeclaredCase): Promise<void> {
  const issues = action.descriptor.validateRequest(c.request);
  const refusable = c.error !== undefined && ['InvalidParameter', 'MissingParameter'].includes(c.error.code);
  const named = (path: string) => wireNameOf(path, action.descriptor.params) === c.error?.param;
  if (refusable && !issues.some((i) => named(i.path))) {
    fail(
      `the client should refuse the request, naming ${c.error?.param}; it found ${JSON.stringify(issues)}`,
    );
  }
  if (!refusable && issues.length > 0) fail(`the client refuses a valid request: ${JSON.stringify(issues)}`);
  if (c.wire !== undefined) {
    const got = toWireParams(c.request, action.descriptor.params);
    if (JSON.stringify(got) !== JSON.stringify(c.wire))
      fail(`serialized ${JSON.stringify(got)}, want ${JSON.stringify(c.wire)}`);
  }
  if (c.response !== undefined) {
    const type = c.response.format === 'XML' ? 'text/xml' : 'application/json';
    const raw = { status: 200, headers: new Headers({ 'content-type': type }), bodyText: c.response.body };
    const parsed = await parseResponse(raw, action.descriptor, facts.service);
    if (JSON.stringify(parsed) !== JSON.stringify(c.response.parsed))
      fail(`parsed ${JSON.stringify(parsed)}, want ${JSON.stringify(c.response.parsed)}`);
  }
}
