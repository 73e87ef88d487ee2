// Scope checks: a request that names a scope value the seed does not have (a region, or a zone not in
// that region) gets the action's `Invalid<Param>.NotFound` error — checked only when the spec lists
// that code among the action's own errors, as Alibaba names them. Any other scalar parameter with such
// a code names something too; beyond the seed, the server knows only the values the spec gives it
// (enum, example, default, the values its cases use, and the examples other actions give for a
// parameter of that name), so every other value is not found.
import { ServerError } from '../protocol/server-error.ts';
import type { Call } from './answer.ts';
import { planOf } from './plan.ts';

export function checkScopes(call: Call): void {
  const { store } = call.served;
  checkReferences(call, store.scopeKeys);
  const { scopes } = store;
  const key = scopes[0]?.key;
  if (key === undefined) return;
  const scope = scopes.find((s) => s.value === call.params[key]);
  if (call.params[key] !== undefined && scope === undefined) refuse(call, key);
  // Without the root key (an action that takes a zone but no region), a value must be in some scope.
  const candidates = scope === undefined ? scopes : [scope];
  const names = scope === undefined ? store.withinKeys : Object.keys(scope.within);
  for (const name of names) {
    const value = call.params[name];
    if (typeof value === 'string' && !candidates.some((s) => s.within[name]?.includes(value)))
      refuse(call, name);
  }
}

function checkReferences(call: Call, scopeKeys: ReadonlySet<string>): void {
  const { known } = planOf(call.served, call.action);
  if (known.size === 0) return;
  for (const p of call.action.params) {
    const value = call.params[p.name];
    if (typeof value !== 'string' || scopeKeys.has(p.name)) continue;
    const values = known.get(p.name);
    if (values !== undefined && !values.includes(value)) refuse(call, p.name);
  }
}

/**
 * The values the server accepts for a parameter in this request, as text: for one the seed's scopes
 * govern, the request's scope (else the first) or the values within it; for one that names something,
 * the values the server knows; undefined when any value goes. Made-up list items take their value of
 * a field of that name from here.
 */
export function acceptedValues(call: Call, name: string): readonly string[] | undefined {
  const { scopes } = call.served.store;
  const key = scopes[0]?.key;
  if (key !== undefined) {
    const scope = scopes.find((s) => s.value === call.params[key]) ?? scopes[0]!;
    if (name === key) return [scope.value];
    if (Object.hasOwn(scope.within, name)) return scope.within[name];
  }
  return planOf(call.served, call.action).known.get(name);
}

function refuse(call: Call, param: string): void {
  const code = `Invalid${param}.NotFound`;
  if (call.action.errors.includes(code)) throw new ServerError(code, param);
}
