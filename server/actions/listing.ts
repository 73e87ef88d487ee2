// `x-acs-rpc.lists`: the response lists the resources of the store that match the request, in id
// order, a page at a time. A request parameter filters when it is named like the id field (a value or
// a repeat list of them), a scope key, or an attribute of the resource; other parameters do not.
import type { ActionFacts } from '../../templates/conformance/types.ts';
import type { Resource } from '../state/store.ts';
import { pageOf, writeCounts } from '../synth/paginate.ts';
import { setPath } from '../synth/paths.ts';
import { resolve, synthesise } from '../synth/synthesise.ts';
import { type Call, itemSchemaAt, synthContext } from './answer.ts';
import { deepFreeze, LONGEST_KEPT_KEY } from './body.ts';
import { type ActionPlan, planOf } from './plan.ts';

export function listResources(
  call: Call,
  lists: NonNullable<ActionFacts['lists']>,
  body: Record<string, unknown>,
): void {
  const { store } = call.served;
  const plan = planOf(call.served, call.action);
  const filtering = Object.entries(call.params).filter(
    ([name]) => name === lists.idField || filters(call, lists.resource, name),
  );
  const matching = matchingOf(plan, store.all(lists.resource), lists, filtering);
  const pagination = call.action.descriptor.pagination;
  const page =
    pagination === undefined
      ? { number: 1, size: matching.length, start: 0, end: matching.length }
      : pageOf(pagination, call.params, matching.length, call.action.errors);
  const items: Record<string, unknown>[] = [];
  for (let i = page.start; i < page.end; i++) {
    const r = matching[i]!;
    let item = plan.listed.get(r);
    if (item === undefined) {
      item = listedItem(call, lists, r);
      plan.listed.set(r, item);
    }
    const copy: Record<string, unknown> = { ...item };
    copy[lists.idField] = r.id;
    copy[lists.stateField] = store.read(r);
    items.push(copy);
  }
  setPath(body, lists.itemsPath, items);
  if (pagination !== undefined) writeCounts(body, pagination, page, matching.length);
}

/** Filter sets whose matches are kept per action. */
const MATCHES_KEPT = 256;

/** The resources the request's filters select. Resources are never added or removed and their
 * attributes never change (only their states do), so the matches of a filter set are kept, for the
 * last `MATCHES_KEPT` sets not longer than `LONGEST_KEPT_KEY` as JSON: each costs at most that and a
 * reference per resource. */
function matchingOf(
  plan: ActionPlan,
  all: readonly Resource[],
  lists: NonNullable<ActionFacts['lists']>,
  filtering: readonly [string, unknown][],
): readonly Resource[] {
  const key = JSON.stringify(filtering);
  const kept = plan.matches.get(key);
  if (kept !== undefined) return kept;
  const matching = all.filter((r) => matches(lists, r, filtering));
  if (key.length > LONGEST_KEPT_KEY) return matching;
  plan.matches.set(key, matching);
  if (plan.matches.size > MATCHES_KEPT) plan.matches.delete(plan.matches.keys().next().value!);
  return matching;
}

/** The resource's item but its id and state: made up from its identity, its attributes written in.
 * Each answer lists a copy of it; what the copies share (the values inside) is frozen. */
function listedItem(
  call: Call,
  lists: NonNullable<ActionFacts['lists']>,
  resource: Resource,
): Readonly<Record<string, unknown>> {
  const itemSchema = resolve(call.served.facts.schemas, itemSchemaAt(call, lists.itemsPath));
  const fields = Object.keys((itemSchema.properties ?? {}) as object);
  const item = synthesise(synthContext(call, `${lists.resource}#${resource.id}`), itemSchema) as Record<
    string,
    unknown
  >;
  for (const [name, value] of Object.entries(resource.attributes))
    if (fields.includes(name)) item[name] = value;
  for (const value of Object.values(item)) deepFreeze(value);
  return item;
}

/** `filtering`: the request's parameters that filter this list (see `filters`). */
function matches(
  lists: NonNullable<ActionFacts['lists']>,
  resource: Resource,
  filtering: readonly [string, unknown][],
): boolean {
  for (const [name, value] of filtering) {
    if (name === lists.idField) {
      if (!(Array.isArray(value) ? value.includes(resource.id) : value === resource.id)) return false;
    } else if (resource.attributes[name] !== value) {
      return false;
    }
  }
  return true;
}

/** Whether a parameter filters this list: a scope key, or an attribute some resource has. */
function filters(call: Call, kind: string, name: string): boolean {
  const { store } = call.served;
  return store.scopeKeys.has(name) || store.hasAttribute(kind, name);
}
