// OpenAPI 3.1 schema → plain JSON Schema 2020-12 for ajv: drop OpenAPI-only keywords, rewrite refs,
// and keep OpenAPI's `example` as JSON Schema's `examples` annotation (docs read it, ajv ignores it).

const DROPPED = new Set(['xml', 'example', 'readOnly', 'writeOnly']);
export const DEFS_ID = 'defs';
const COMPONENT_PREFIX = '#/components/schemas/';

export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  const example = (schema as Record<string, unknown>).example;
  if (example !== undefined && !('examples' in schema)) out.examples = [example];
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out[key] = rewriteRef(value);
    else if (key === 'properties' && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') out[key] = value;
    else out[key] = toJsonSchema(value);
  }
  return out;
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
