// OpenAPI 3.1 schema → plain JSON Schema 2020-12 for ajv: drop OpenAPI-only keywords, rewrite refs,
// give `format: int64` the lossless form of its side (spec/README.md, int64), and keep OpenAPI's
// `example` as JSON Schema's `examples` annotation (docs read it, ajv ignores it).

const DROPPED = new Set(['xml', 'example', 'readOnly', 'writeOnly', 'format']);
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** A decimal integer of at most 19 digits: the text form of an int64. */
export const INT64_PATTERN = '^-?(0|[1-9][0-9]{0,18})$';

/** `request`: a typed request's int64 is a safe integer or a decimal string; `response`: always a string. */
export type Side = 'request' | 'response';
export const DEFS_ID = 'defs';
const COMPONENT_PREFIX = '#/components/schemas/';

export function toJsonSchema(schema: unknown, side: Side = 'response'): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, side));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  const example = (schema as Record<string, unknown>).example;
  if (example !== undefined && !('examples' in schema)) out.examples = [example];
  const int64 =
    (schema as Record<string, unknown>).type === 'integer' &&
    (schema as Record<string, unknown>).format === 'int64';
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out[key] = rewriteRef(value);
    else if (key === 'properties' && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, side)]));
    } else if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') out[key] = value;
    else out[key] = toJsonSchema(value, side);
  }
  return int64 ? int64Schema(out, side) : out;
}

/** Numbers beyond 2^53 have lost digits before any check sees them, so only safe ones pass. */
function int64Schema(schema: Record<string, unknown>, side: Side): Record<string, unknown> {
  const { minimum, maximum, ...rest } = schema;
  if (side === 'response') {
    const { default: _default, ...text } = rest;
    return { ...text, type: 'string', pattern: INT64_PATTERN };
  }
  return {
    ...rest,
    type: ['integer', 'string'],
    pattern: INT64_PATTERN,
    minimum: typeof minimum === 'number' ? Math.max(minimum, -MAX_SAFE) : -MAX_SAFE,
    maximum: typeof maximum === 'number' ? Math.min(maximum, MAX_SAFE) : MAX_SAFE,
  };
}

export function componentName(ref: string): string | undefined {
  return ref.startsWith(COMPONENT_PREFIX) ? ref.slice(COMPONENT_PREFIX.length) : undefined;
}

export function defsRef(name: string): string {
  return `${DEFS_ID}#/$defs/${name}`;
}

function rewriteRef(ref: string): string {
  const name = componentName(ref);
  return name === undefined ? ref : defsRef(name);
}

/** The inverse of the ref rewrite: `defs#/$defs/Name` back to `#/components/schemas/Name`, deeply. */
export function withComponentRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withComponentRefs);
  if (schema === null || typeof schema !== 'object') return schema;
  const prefix = defsRef('');
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith(prefix)
        ? [key, `${COMPONENT_PREFIX}${value.slice(prefix.length)}`]
        : [key, key === 'enum' || key === 'const' || key === 'default' ? value : withComponentRefs(value)],
    ),
  );
}
