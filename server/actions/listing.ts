// `x-acs-rpc.lists`: the response lists the resources of the store that match the request, in id
// order, a page at a time. A request parameter filters when it is named like the id field (a value or
// a repeat list of them), a scope key, or an attribute of the resource; other parameters do not.
import type { ActionFacts } from '../../templates/conformance/types.ts';
import type { Resource } from '../state/store.ts';
import { pageOf, writeCounts } from '../synth/paginate.ts';
import { setPath } from '../synth/paths.ts';
import { resolve, synthesise } from '../synth/synthesise.ts';
import { type Call, itemSchemaAt, synthContext } from './answer.ts';

export function listResources(
  call: Call,
  lists: NonNullable<ActionFacts['lists']>,
  body: Record<string, unknown>,
): void {
  const { store, listedItems } = call.served;
  const all = store.all(lists.resource);
  const filtering = Object.entries(call.params).filter(
    ([name]) => name === lists.idField || filters(call, name, all),
  );
  const matching = all.filter((r) => matches(lists, r, filtering));
  const pagination = call.action.descriptor.pagination;
  const page =
    pagination === undefined
      ? { number: 1, size: matching.length, start: 0, end: matching.length }
      : pageOf(pagination, call.params, matching.length, call.action.errors);
  const items = matching.slice(page.start, page.end).map((r) => {
    const key = `${call.action.descriptor.name}\0${lists.resource}#${r.id}`;
    let item = listedItems.get(key);
    if (item === undefined) {
      item = listedItem(call, lists, r);
      listedItems.set(key, item);
    }
    return { ...item, [lists.idField]: r.id, [lists.stateField]: store.read(r) };
  });
  setPath(body, lists.itemsPath, items);
  if (pagination !== undefined) writeCounts(body, pagination, page, matching.length);
}

/** The resource's item but its id and state: made up from its identity, its attributes written in.
 * Frozen, as it is shared by every answer that lists the resource. */
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
  return deepFreeze(item);
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

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Whether a parameter filters this list: a scope key, or an attribute some resource has. */
function filters(call: Call, name: string, all: readonly Resource[]): boolean {
  const { scopes } = call.served.store;
  if (scopes.some((s) => s.key === name || Object.hasOwn(s.within, name))) return true;
  return all.some((r) => Object.hasOwn(r.attributes, name));
}
