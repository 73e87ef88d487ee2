// A validators module: each validator is its schema as data (the checked keywords only, see
// model/check-schemas.ts) given to the runtime's `schemaValidator`, marked pure so that a bundler
// drops every validator a program does not use. A definition several schemas refer to is a
// module-level constant, and a `$ref` a function returning it, so a schema may refer to itself.
import { checkSchemaOf } from '../../model/check-schemas.ts';
import type { ServiceModel } from '../../model/types.ts';
import type { ValidatorSchema } from '../../model/validation-schemas.ts';
import { codeHeader } from '../header.ts';
import { runtimeModule, SCHEMA_VALIDATOR_LOCAL, schemaConstName, validatorName } from '../naming.ts';

/** A reference to a shared definition, until it is written as code. */
class DefRef {
  constructor(readonly name: string) {}
}

export function schemaModule(model: ServiceModel, schemas: readonly ValidatorSchema[]): string {
  const consts = new Map<string, string>();
  const pending: string[] = [];
  const refTo = (name: string): DefRef => {
    if (!consts.has(name)) {
      consts.set(name, schemaConstName(consts.size));
      pending.push(name);
    }
    return new DefRef(name);
  };
  const code = (value: unknown): string => literal(value, (ref) => consts.get(ref.name) as string);
  const exports = schemaValidators(schemas, refTo).map(
    ([v, schema]) =>
      `export const ${validatorName(model, v)} = /*#__PURE__*/ ${SCHEMA_VALIDATOR_LOCAL}(${
        schema instanceof DefRef ? consts.get(schema.name) : code(schema)
      });`,
  );
  const definitions: string[] = [];
  for (let i = 0; i < pending.length; i++) {
    const name = pending[i] as string;
    const given = model.schemaDefs[name];
    if (given === undefined) throw new Error(`no schema ${name} in the model`);
    definitions.push(`const ${consts.get(name)} = ${code(checkSchemaOf(given, refTo))};`);
  }
  return [
    codeHeader(model).trimEnd(),
    `import { schemaValidator as ${SCHEMA_VALIDATOR_LOCAL} } from ${JSON.stringify(runtimeModule('schema-check'))};`,
    ...definitions,
    ...exports,
    '',
  ].join('\n');
}

/** Each validator's schema; one that only refers to a definition is that definition. */
function schemaValidators(
  schemas: readonly ValidatorSchema[],
  refTo: (name: string) => DefRef,
): [ValidatorSchema, unknown][] {
  return schemas.map((v) => {
    const schema = checkSchemaOf(v.schema, refTo) as Record<string, unknown>;
    const keys = Object.keys(schema);
    return [v, keys.length === 1 && schema.$ref instanceof DefRef ? schema.$ref : schema];
  });
}

/** JavaScript for a checked schema: JSON, but a definition's reference is a function returning it. */
function literal(value: unknown, name: (ref: DefRef) => string): string {
  if (value instanceof DefRef) return `() => ${name(value)}`;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, name)).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).map(([k, v]) => `${propertyKey(k)}:${literal(v, name)}`);
  return `{${entries.join(',')}}`;
}

/** A quoted `__proto__` key would set the object's prototype: that one is written computed. */
function propertyKey(key: string): string {
  return key === '__proto__' ? `[${JSON.stringify(key)}]` : JSON.stringify(key);
}
