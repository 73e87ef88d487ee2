// Parameters of an action: the API's own (typed request) apart from the RPC common ones.
import { joinPointer } from '../load/pointer.ts';
import { toJsonSchema } from './json-schema.ts';
import { deref, shapeOf } from './shape.ts';
import type { ParamModel, ParamStyle } from './types.ts';

type Raw = Record<string, unknown>;

/** `pointer`: the operation's, so each parameter knows where its example stands. */
export function buildParams(root: unknown, operation: Raw, pointer = ''): ParamModel[] {
  const raw = Array.isArray(operation.parameters) ? operation.parameters : [];
  const params: ParamModel[] = [];
  for (const [index, entry] of raw.entries()) {
    const param = deref(root, entry);
    const ref = (entry as Raw).$ref;
    if (param['x-acs-common'] === true || (param.in !== 'query' && param.in !== 'header')) continue;
    const schema = wireSafeKeys(toJsonSchema(param.schema ?? {}, 'request') as Raw, param['x-acs-style']);
    params.push({
      name: String(param.name),
      in: param.in,
      // The check stage has refused any other value.
      style: (param['x-acs-style'] ?? 'scalar') as ParamStyle,
      shape: shapeOf(root, param.schema),
      required: param.required === true,
      deprecated: param.deprecated === true,
      description: typeof param.description === 'string' ? param.description.trim() : undefined,
      schema: param.in === 'header' ? headerSafe(schema) : schema,
      example: param.example,
      examplePointer: joinPointer(
        typeof ref === 'string' ? ref.replace(/^#/, '') : joinPointer(pointer, 'parameters', index),
        'example',
      ),
    });
  }
  return params;
}

/** A key of a map flattened with dots (`Labels.env=prod`): not empty and without a dot, else the
 * server could not tell where the key ends. */
export const FLAT_KEY_PATTERN = '^[^.]+$';

/** repeatList and flat maps get `propertyNames`, so a key the wire cannot carry is refused by name
 * before anything is sent; json maps take any key. */
function wireSafeKeys(schema: Raw, style: unknown): Raw {
  if (style !== 'repeatList' && style !== 'flat') return schema;
  const walk = (s: unknown): unknown => {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return s;
    const out: Raw = { ...(s as Raw) };
    if (out.items !== undefined) out.items = walk(out.items);
    if (out.properties !== null && typeof out.properties === 'object')
      out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, walk(v)]));
    if (out.additionalProperties !== null && typeof out.additionalProperties === 'object') {
      out.additionalProperties = walk(out.additionalProperties);
      out.propertyNames = { pattern: FLAT_KEY_PATTERN };
    }
    return out;
  };
  return walk(schema) as Raw;
}

/** What fetch and HTTP carry in a header value unchanged: visible ASCII, space and tab. */
export const HEADER_VALUE_PATTERN = '^[\\t\\x20-\\x7e]*$';

/** A string header without its own pattern gets one, so a value HTTP cannot carry (a line break,
 * non-ASCII text) is refused by name before anything is sent. */
function headerSafe(schema: Raw): Raw {
  return schema.type === 'string' && schema.pattern === undefined && schema.enum === undefined
    ? { ...schema, pattern: HEADER_VALUE_PATTERN }
    : schema;
}

/** The validator schema of a typed request: one property per parameter, nothing else allowed. */
export function requestSchema(params: readonly ParamModel[]): Raw {
  const properties: Raw = {};
  for (const p of params) {
    properties[p.name] = p.deprecated ? { ...p.schema, deprecated: true } : p.schema;
  }
  const required = params.filter((p) => p.required).map((p) => p.name);
  return { type: 'object', properties, required, additionalProperties: false };
}

export function paramPointer(operationPointer: string, index: number): string {
  return joinPointer(operationPointer, 'parameters', index);
}
