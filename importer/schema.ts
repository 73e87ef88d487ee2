// A metadata schema → an OpenAPI 3.1 schema: numbers written as strings become numbers, `required`
// moves from each property to its parent's list, `format` and constraints stay, and whatever has no
// OpenAPI meaning is reported (never dropped without a word).
import { KEYWORD_TYPES } from '../generator/check/rules/schema-support.ts';
import type { MetaSchema } from './metadata.ts';

export type Warn = (message: string) => void;
type Json = Record<string, unknown>;

const NUMERIC = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;
/** Keys that document the portal's own page and say nothing about values. */
const DOC_ONLY = new Set(['docRequired', 'title', 'enumValueTitles', 'visibility', 'backendName']);
const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);
/** The formats the binding gives a meaning (spec/README.md, int64). */
const FORMATS = new Set(['int32', 'int64', 'float', 'double']);

export function convertSchema(schema: MetaSchema, warn: Warn, at = ''): Json {
  const out: Json = {};
  const where = at === '' ? '' : ` at ${at}`;
  if (schema.$ref !== undefined) out.$ref = schema.$ref;
  if (schema.type !== undefined) {
    if (TYPES.has(schema.type)) out.type = schema.type;
    else if (schema.type !== 'any')
      warn(`type "${schema.type}"${where} has no JSON Schema equivalent; left untyped`);
  }
  if (schema.format !== undefined) {
    if (FORMATS.has(schema.format)) out.format = schema.format;
    else
      warn(
        `format "${schema.format}"${where} is not one the binding knows (${[...FORMATS].join(', ')}); left out`,
      );
  }
  if (schema.description !== undefined && schema.description.trim() !== '') {
    out.description = schema.description.trim();
  }
  if (schema.deprecated === true) out.deprecated = true;
  if (schema.enum !== undefined) {
    // An empty list would refuse every value; the metadata means "not listed".
    if (schema.enum.length > 0) out.enum = schema.enum.map((v) => typed(v, schema.type));
    else warn(`enum${where} lists no value; left out (any value is accepted)`);
  }
  if (schema.pattern !== undefined) out.pattern = schema.pattern;
  for (const key of NUMERIC) {
    const value = schema[key];
    if (value === undefined) continue;
    const n = Number(value);
    if (Number.isFinite(n)) out[key] = n;
    else warn(`${key} "${String(value)}"${where} is not a number; dropped`);
  }
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const value = schema[key];
    // OpenAPI 3.0's boolean form: the bound itself is excluded.
    if (value === true) {
      const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (typeof out[bound] === 'number') {
        out[key] = out[bound];
        delete out[bound];
      }
    } else if (value !== undefined && value !== false && Number.isFinite(Number(value)))
      out[key] = Number(value);
  }
  if (schema.default !== undefined) out.default = typed(schema.default, schema.type);
  if (schema.example !== undefined) out.example = typed(schema.example, schema.type);
  if (schema.items !== undefined) out.items = convertSchema(schema.items, warn, `${at}[]`);
  if (schema.properties !== undefined) {
    const properties: Json = {};
    const required: string[] = [];
    for (const [name, property] of Object.entries(schema.properties)) {
      properties[name] = convertSchema(property, warn, at === '' ? name : `${at}.${name}`);
      if (property.required === true) required.push(name);
    }
    out.properties = properties;
    if (required.length > 0) out.required = required;
  }
  if (Array.isArray(schema.required)) out.required = [...schema.required];
  if (schema.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof schema.additionalProperties === 'boolean'
        ? schema.additionalProperties
        : convertSchema(schema.additionalProperties, warn, `${at}{}`);
  }
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key) && !DOC_ONLY.has(key)) warn(`"${key}"${where} is not understood; dropped`);
  }
  dropInapplicable(out, warn, where);
  return out;
}

const KNOWN = new Set([
  '$ref',
  'type',
  'format',
  'description',
  'deprecated',
  'enum',
  'pattern',
  ...NUMERIC,
  'exclusiveMinimum',
  'exclusiveMaximum',
  'default',
  'example',
  'items',
  'properties',
  'required',
  'additionalProperties',
]);

/** A value as its schema types it: metadata writes `"10"` for an integer example. */
function typed(value: unknown, type: string | undefined): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'integer' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    // Beyond 2^53 a number would change; keep the text (int64 values are strings on our wire).
    return Number.isSafeInteger(n) ? n : value;
  }
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** A constraint of another kind of value (`maxLength` on a list) constrains nothing; a validator in
 * strict mode refuses it, so it is dropped, with a word. */
function dropInapplicable(out: Json, warn: Warn, where: string): void {
  const type = out.type;
  if (typeof type !== 'string') return;
  for (const key of Object.keys(out)) {
    const owner = KEYWORD_TYPES[key];
    if (owner === undefined || owner.includes(type)) continue;
    warn(`"${key}"${where} applies to ${owner.join(' or ')} values, not to type ${type}; dropped`);
    delete out[key];
  }
}
