// Stateful resources as the spec declares them: an action that lists them with their state
// (`lists`), and actions that move them (`transition`). Checks find a resource in the state they
// need here, or bring one there with the opposite transition, or say why they cannot.
import { baseParams, expectSuccess, fail, valueAt, wire } from './assert.js';
import { send } from './http.js';
import { withId } from './state.js';
import type { ActionFacts, CheckContext, ConformanceFacts, ListsFacts, TransitionFacts } from './types.js';

export interface Resource {
  readonly id: string;
  readonly state: string;
}

/** Between two reads of a resource that is changing; at most this many reads before giving up. */
export const POLL_INTERVAL_MS = 2000;
export const MAX_READS = 90;

export function listerOf(facts: ConformanceFacts, resource: string): ActionFacts | undefined {
  return facts.actions.find((a) => a.lists?.resource === resource);
}

/** Every resource the lister shows for the run's values, all pages. */
export async function listResources(ctx: CheckContext, lister: ActionFacts): Promise<Resource[]> {
  const p = lister.descriptor.pagination;
  const found: Resource[] = [];
  let token = '';
  for (let page = 1; page <= 1000; page++) {
    const choose =
      p === undefined
        ? {}
        : p.style === 'token'
          ? { ...(token === '' ? {} : { [p.tokenParam]: token }), [p.pageSizeParam]: p.maxPageSize }
          : { [p.pageNumberParam]: page, [p.pageSizeParam]: p.maxPageSize };
    const { items, next } = await readPage(ctx, lister, { ...baseParams(ctx, lister), ...choose });
    found.push(...items);
    if (p === undefined) break;
    if (p.style === 'token' ? next === '' : items.length < p.maxPageSize) break;
    token = next;
  }
  return found;
}

/** The state the lister shows for one resource; undefined when it does not list it. */
export async function stateOf(
  ctx: CheckContext,
  lister: ActionFacts,
  id: string,
): Promise<string | undefined> {
  const facts = lister.lists!;
  const filter = lister.params.some((p) => p.name === facts.idField);
  const items = filter
    ? await readItems(ctx, lister, withId(ctx, lister, facts.idField, id))
    : await listResources(ctx, lister);
  return items.find((r) => r.id === id)?.state;
}

/** Reads until the resource shows `target`; every state seen on the way must be in `allowed`. */
export async function waitForState(
  ctx: CheckContext,
  lister: ActionFacts,
  id: string,
  target: string,
  allowed: readonly string[],
): Promise<void> {
  for (let read = 1; read <= MAX_READS; read++) {
    const state = await stateOf(ctx, lister, id);
    if (state === target) return;
    if (state === undefined || !allowed.includes(state))
      fail(
        `${id} went to ${state ?? 'nowhere (no longer listed)'}; expected ${[...allowed, target].join(' or ')}`,
      );
    await ctx.sleep(POLL_INTERVAL_MS);
  }
  fail(`${id} did not reach ${target} within ${MAX_READS} reads`);
}

/** A resource the transition may start from: found in a `from` state, or brought there; else why not. */
export async function resourceFor(
  ctx: CheckContext,
  facts: ConformanceFacts,
  t: TransitionFacts,
): Promise<Resource | string> {
  const lister = listerOf(facts, t.resource);
  if (lister === undefined) return `no action lists ${t.resource} resources (x-acs-rpc.lists)`;
  const all = await listResources(ctx, lister);
  const ready = all.find((r) => t.from.includes(r.state));
  if (ready !== undefined) return ready;
  for (const back of facts.actions) {
    const b = back.transition;
    if (b?.resource !== t.resource || !t.from.includes(b.to)) continue;
    const start = all.find((r) => b.from.includes(r.state));
    if (start === undefined) continue;
    expectSuccess(
      back,
      await send(ctx, {
        action: back.descriptor.name,
        params: wire(back, withId(ctx, back, b.idParam, start.id)),
      }),
    );
    await waitForState(ctx, lister, start.id, b.to, [b.from, b.via ?? []].flat());
    return { id: start.id, state: b.to };
  }
  return `needs a ${t.resource} in state ${t.from.join(' or ')}; none found, and none could be brought there`;
}

/** The actions a state check may call besides its own: the lister and the opposite transitions. */
export function helpers(facts: ConformanceFacts, resource: string): string[] {
  return facts.actions
    .filter((a) => a.lists?.resource === resource || a.transition?.resource === resource)
    .map((a) => a.descriptor.name);
}

async function readItems(
  ctx: CheckContext,
  lister: ActionFacts,
  params: Record<string, unknown>,
): Promise<Resource[]> {
  return (await readPage(ctx, lister, params)).items;
}

/** One page of the lister: its resources, and the next page's token ('' when none or not token-paged). */
async function readPage(
  ctx: CheckContext,
  lister: ActionFacts,
  params: Record<string, unknown>,
): Promise<{ items: Resource[]; next: string }> {
  const facts: ListsFacts = lister.lists!;
  const page = expectSuccess(
    lister,
    await send(ctx, { action: lister.descriptor.name, params: wire(lister, params) }),
  );
  const items = valueAt(page, facts.itemsPath);
  const p = lister.descriptor.pagination;
  const next = p?.style === 'token' ? valueAt(page, p.nextTokenPath) : undefined;
  return {
    items: (Array.isArray(items) ? items : []).map((item) => {
      const record = item as Record<string, unknown>;
      return { id: String(record[facts.idField]), state: String(record[facts.stateField]) };
    }),
    next: typeof next === 'string' ? next : '',
  };
}
