// Rules: each RPC action is defined once (two operations with one Action could not be routed), and
// each parameter once in its action (two values under one wire name could not be told apart).
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

export function checkDuplicateParameters(ctx: CheckContext): void {
  for (const { pointer, operation } of operations(ctx.spec.value as Record<string, unknown>)) {
    const seen = new Map<string, number>();
    const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
    parameters.forEach((parameter: unknown, index: number) => {
      if (!isObject(parameter) || typeof parameter.name !== 'string') return;
      const first = seen.get(parameter.name);
      if (first === undefined) seen.set(parameter.name, index);
      else
        ctx.report(
          'param.duplicate',
          joinPointer(pointer, 'parameters', index, 'name'),
          `Parameter "${parameter.name}" is already defined at ${joinPointer(pointer, 'parameters', first)}.`,
        );
    });
  }
}
