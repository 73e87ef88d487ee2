// Rule: an error code has one HTTP status and one retryability in a spec, because the client's error
// table is per service. The service's table and every action's may repeat a code with another message
// (Alibaba's own metadata words one code differently in different actions); the service-wide message
// table keeps the first definition's wording. A repeat with another status or retryability would
// silently make one of them win, so it is an error.
import { joinPointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';

interface Declared {
  readonly pointer: string;
  readonly httpStatus: unknown;
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
      retryable: entry.retryable === true,
    };
    const first = seen.get(code);
    if (first === undefined) seen.set(code, here);
    else if (describe(first) !== describe(here))
      ctx.report(
        'error.conflict',
        here.pointer,
        `Error code "${code}" is ${describe(here)} here but ${describe(first)} at line ${ctx.spec.locate(first.pointer).line}; one code has one status and retryability.`,
      );
  }
}

function describe(e: Declared): string {
  return `HTTP ${String(e.httpStatus)}${e.retryable ? ', retryable' : ', not retryable'}`;
}
