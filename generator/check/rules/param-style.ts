// Rule: each API parameter's `x-acs-style` (Alibaba API metadata `style`) fits its schema: none for a
// scalar; repeatList for an array; flat for an object (a map included) or an array, flattened with
// dots as Alibaba's OpenApiUtil.query does; json for anything; simple for an array of scalars. A structured value without a style would go out as `[object Object]`.
import { joinPointer, resolvePointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';

const STYLES = ['repeatList', 'flat', 'json', 'simple'];
const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);

export function checkParameterStyles(ctx: CheckContext): void {
  const root = ctx.spec.value as Record<string, unknown>;
  for (const { pointer, operation } of operations(root)) {
    const params = Array.isArray(operation.parameters) ? operation.parameters : [];
    params.forEach((param: unknown, i) => {
      if (!isObject(param) || param.$ref !== undefined || param['x-acs-common'] === true) return;
      if (param.in === 'header') return; // one header value: param-header.ts
      const problem = styleProblem(
        param['x-acs-style'],
        typeOf(root, param.schema),
        itemType(root, param.schema),
      );
      if (problem === undefined) return;
      const at = joinPointer(
        pointer,
        'parameters',
        i,
        ...(param['x-acs-style'] === undefined ? [] : ['x-acs-style']),
      );
      ctx.report('param.style', at, `Parameter "${String(param.name)}" ${problem}`);
    });
  }
}

function styleProblem(
  style: unknown,
  type: string | undefined,
  items: string | undefined,
): string | undefined {
  if (style === undefined) {
    if (type === 'array')
      return 'is an array but has no x-acs-style; use repeatList (Name.1=…), simple or json.';
    if (type === 'object') return 'is an object but has no x-acs-style; use flat (Name.Key=…) or json.';
    return undefined;
  }
  if (typeof style !== 'string' || !STYLES.includes(style))
    return `has unknown style ${JSON.stringify(style)}; expected one of ${STYLES.join(', ')} (omit x-acs-style for a scalar).`;
  if (style === 'repeatList' && type !== 'array') return 'is a repeatList but its schema is not an array.';
  if (style === 'flat' && type !== 'object' && type !== 'array')
    return 'is flat but its schema is neither an object nor an array.';
  if (style === 'simple' && !(type === 'array' && items !== undefined && SCALARS.has(items)))
    return 'is simple but its schema is not an array of scalars.';
  return undefined;
}

function typeOf(root: unknown, schema: unknown): string | undefined {
  const resolved = deref(root, schema);
  return typeof resolved?.type === 'string' ? resolved.type : undefined;
}

function itemType(root: unknown, schema: unknown): string | undefined {
  return typeOf(root, deref(root, schema)?.items);
}

function deref(root: unknown, schema: unknown): Record<string, unknown> | undefined {
  let current = schema;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops++)
    current = resolvePointer(root, current.$ref.replace(/^#/, ''));
  return isObject(current) ? current : undefined;
}
