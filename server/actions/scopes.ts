// Scope checks: a request that names a scope value the seed does not have (a region, or a zone not in
// that region) gets the action's `Invalid<Param>.NotFound` error — checked only when the spec lists
// that code among the action's own errors, as Alibaba names them. Any other scalar parameter with such
// a code names something too; beyond the seed, the server knows only the values the spec gives it
// (enum, example, default, the values its cases use, and the examples other actions give for a
// parameter of that name), so every other value is not found.
import { ServerError } from '../protocol/server-error.ts';
import type { Call } from './answer.ts';

export function checkScopes(call: Call): void {
  const { scopes } = call.served.store;
  checkReferences(call, new Set(scopes.flatMap((s) => [s.key, ...Object.keys(s.within)])));
  const key = scopes[0]?.key;
  if (key === undefined) return;
  const scope = scopes.find((s) => s.value === call.params[key]);
  if (call.params[key] !== undefined && scope === undefined) refuse(call, key);
  if (scope === undefined) return;
  for (const [name, allowed] of Object.entries(scope.within)) {
    const value = call.params[name];
    if (typeof value === 'string' && !allowed.includes(value)) refuse(call, name);
  }
}

function checkReferences(call: Call, scopeKeys: ReadonlySet<string>): void {
  const idParam = call.action.transition?.idParam;
  for (const p of call.action.params) {
    const value = call.params[p.name];
    if (typeof value !== 'string' || scopeKeys.has(p.name) || p.name === idParam) continue;
    if (!call.action.errors.includes(`Invalid${p.name}.NotFound`)) continue;
    const known = [
      ...((p.schema.enum as unknown[] | undefined) ?? []),
      p.example,
      p.schema.default,
      ...call.action.cases.map((c) => c.request[p.name]),
      // A name means one thing across the product's actions: their examples of it are known too.
      ...(call.served.examples.get(p.name) ?? []),
    ];
    if (!known.some((k) => k !== undefined && String(k) === value)) refuse(call, p.name);
  }
}

function refuse(call: Call, param: string): void {
  const code = `Invalid${param}.NotFound`;
  if (call.action.errors.includes(code)) throw new ServerError(code, param);
}
