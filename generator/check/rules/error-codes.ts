// Rule: an error code means one thing in a spec. The service's table and every action's may repeat
// a code only with the same status, message and retryability (then it is one definition); a
// conflicting repeat would silently make one of them win in the client's error table.
import { joinPointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';

interface Declared {
  readonly pointer: string;
  readonly httpStatus: unknown;
  readonly message: unknown;
  readonly retryable: boolean;
}

export function checkErrorCodes(ctx: CheckContext): void {
  const root = ctx.spec.value as Record<string, unknown>;
  const seen = new Map<string, Declared>();
  const service = root['x-acs-service'];
  if (isObject(service)) visit(ctx, seen, service.errors, '/x-acs-service/errors');
  for (const { pointer, operation } of operations(root)) {
    const binding = operation['x-acs-rpc'];
    if (isObject(binding)) visit(ctx, seen, binding.errors, joinPointer(pointer, 'x-acs-rpc', 'errors'));
  }
}

function visit(ctx: CheckContext, seen: Map<string, Declared>, table: unknown, base: string): void {
  if (!isObject(table)) return;
  for (const [code, entry] of Object.entries(table)) {
    if (!isObject(entry)) continue;
    const here: Declared = {
      pointer: joinPointer(base, code),
      httpStatus: entry.httpStatus,
      message: entry.message,
      retryable: entry.retryable === true,
    };
    const first = seen.get(code);
    if (first === undefined) seen.set(code, here);
    else if (describe(first) !== describe(here))
      ctx.report(
        'error.conflict',
        here.pointer,
        `Error code "${code}" is ${describe(here)} here but ${describe(first)} at line ${ctx.spec.locate(first.pointer).line}; one code must mean one thing.`,
      );
  }
}

function describe(e: Declared): string {
  return `HTTP ${String(e.httpStatus)} ${JSON.stringify(e.message)}${e.retryable ? ' retryable' : ''}`;
}
