// Scope checks: a request that names a scope value the seed does not have (a region, or a zone not in
// that region) gets the action's `Invalid<Param>.NotFound` error — checked only when the spec lists
// that code among the action's own errors, as Alibaba names them.
import { ServerError } from '../protocol/server-error.ts';
import type { Call } from './answer.ts';

export function checkScopes(call: Call): void {
  const { scopes } = call.served.store;
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

function refuse(call: Call, param: string): void {
  const code = `Invalid${param}.NotFound`;
  if (call.action.errors.includes(code)) throw new ServerError(code, param);
}
