// The validator schemas as the runtime's schema check takes them (templates/runtime/schema-check.ts):
// only the keywords that judge a value, and each `$ref` into the shared definitions made whatever the
// caller wants it to be — a function returning the definition for the example check here, a name
// for the emitter that writes them as modules. Both judge from the same schemas this way.
import * as bounds from '../../templates/runtime/schema-bounds.ts';
import {
  type CheckSchema,
  type KeywordChecks,
  schemaValidator,
} from '../../templates/runtime/schema-check.ts';
import * as objects from '../../templates/runtime/schema-objects.ts';
import * as pattern from '../../templates/runtime/schema-pattern.ts';
import * as values from '../../templates/runtime/schema-values.ts';
import type { SchemaValidate } from '../../templates/runtime/validation.ts';
import { defsRef } from './json-schema.ts';
import type { ServiceModel } from './types.ts';
import { type ValidatorSchema, validatorSchemas } from './validation-schemas.ts';

/** The runtime module (its name under templates/runtime) that exports each keyword's check. */
export const KEYWORD_MODULES: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      ['schema-bounds', bounds],
      ['schema-objects', objects],
      ['schema-pattern', pattern],
      ['schema-values', values],
    ] as const
  ).flatMap(([module, checks]) => Object.keys(checks).map((keyword) => [keyword, module])),
);
/** Every keyword's check, as the runtime's modules export them. */
export const KEYWORD_CHECKS: KeywordChecks = { ...bounds, ...objects, ...pattern, ...values };
/** What the runtime reads of a schema (its annotations — description, examples, default — are left):
 * `$ref` and `type` (schema-check.ts) and the keywords that have a check (KEYWORD_MODULES). */
const CHECKED = new Set<string>(['$ref', 'type', ...Object.keys(KEYWORD_MODULES)]);
/** Keywords whose value is a schema (`properties` is a map of them). */
const SUBSCHEMA = new Set(['items', 'propertyNames', 'additionalProperties']);
const DEFS_PREFIX = defsRef('');

/**
 * A JSON schema of the model (refs as `defs#/$defs/Name`) reduced to the checked keywords, with each
 * ref's definition name given to `ref`, deeply. Values of `enum` and `const` are kept as they are.
 */
export function checkSchemaOf<R>(schema: unknown, ref: (defName: string) => R): unknown {
  if (typeof schema === 'boolean') return schema;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new Error(`not a schema: ${JSON.stringify(schema)}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!CHECKED.has(key)) continue;
    if (key === '$ref') out[key] = ref(defName(value));
    else if (SUBSCHEMA.has(key)) out[key] = checkSchemaOf(value, ref);
    else if (key === 'properties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, checkSchemaOf(v, ref)]),
      );
    } else out[key] = value;
  }
  return out;
}

/** The subschemas a checked schema holds directly (its `$ref` given as `ref` made it, as is). */
export function subschemasOf(schema: Readonly<Record<string, unknown>>): unknown[] {
  return Object.entries(schema).flatMap(([key, value]) =>
    key === '$ref' || SUBSCHEMA.has(key)
      ? [value]
      : key === 'properties'
        ? Object.values(value as Record<string, unknown>)
        : [],
  );
}

function defName(ref: unknown): string {
  if (typeof ref !== 'string' || !ref.startsWith(DEFS_PREFIX))
    throw new Error(`unexpected $ref ${String(ref)}`);
  return ref.slice(DEFS_PREFIX.length);
}

/** The check of every compiled unit of the model (validation-schemas.ts ids), each made once. */
export function schemaChecks(model: ServiceModel): (id: string) => SchemaValidate | undefined {
  const defs = new Map<string, CheckSchema>();
  const def = (name: string): CheckSchema => {
    let schema = defs.get(name);
    if (schema === undefined) {
      const given = model.schemaDefs[name];
      if (given === undefined) throw new Error(`no schema ${name}`);
      schema = checkSchemaOf(given, (n) => () => def(n)) as CheckSchema;
      defs.set(name, schema);
    }
    return schema;
  };
  const byId = new Map<string, ValidatorSchema>(validatorSchemas(model).map((v) => [v.id, v]));
  const made = new Map<string, SchemaValidate>();
  return (id) => {
    let validate = made.get(id);
    if (validate === undefined) {
      const given = byId.get(id);
      const schema =
        given !== undefined ? given.schema : id.startsWith(DEFS_PREFIX) ? { $ref: id } : undefined;
      if (schema === undefined) return undefined;
      validate = schemaValidator(checkSchemaOf(schema, (n) => () => def(n)) as CheckSchema, KEYWORD_CHECKS);
      made.set(id, validate);
    }
    return validate;
  };
}
