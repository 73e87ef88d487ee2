// Rule: every $ref is a local JSON pointer that resolves (external files are not supported).
import { joinPointer, resolvePointer } from '../../load/pointer.ts';
import type { CheckContext } from '../context.ts';

export function checkRefs(ctx: CheckContext): void {
  walk(ctx, ctx.spec.value, '');
}

function walk(ctx: CheckContext, value: unknown, pointer: string): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(ctx, item, joinPointer(pointer, i));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childPointer = joinPointer(pointer, key);
    if (key === '$ref' && typeof child === 'string') checkOne(ctx, child, childPointer);
    else walk(ctx, child, childPointer);
  }
}

function checkOne(ctx: CheckContext, ref: string, pointer: string): void {
  if (!ref.startsWith('#')) {
    ctx.report(
      'ref.external',
      pointer,
      `External $ref "${ref}" is not supported; keep the spec in one file.`,
    );
    return;
  }
  if (resolvePointer(ctx.spec.value, ref) === undefined) {
    ctx.report('ref.unresolved', pointer, `$ref "${ref}" does not resolve to anything in this document.`);
  }
}
