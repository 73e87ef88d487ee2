// Rule: each RPC action is defined once; two operations with one Action could not be routed.
import { joinPointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';

export function checkDuplicateActions(ctx: CheckContext): void {
  const seen = new Map<string, string>();
  for (const { pointer, operation } of operations(ctx.spec.value as Record<string, unknown>)) {
    const binding = operation['x-acs-rpc'];
    if (!isObject(binding) || typeof binding.action !== 'string') continue;
    const at = joinPointer(pointer, 'x-acs-rpc', 'action');
    const first = seen.get(binding.action);
    if (first === undefined) seen.set(binding.action, at);
    else ctx.report('action.duplicate', at, `Action "${binding.action}" is already defined at ${first}.`);
  }
}
