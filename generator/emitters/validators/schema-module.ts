// A validators module: each validator is its schema as data (the checked keywords only, see
// model/check-schemas.ts) given to the runtime's `schemaValidator` with the checks of the keywords it
// uses, marked pure so that a bundler drops every validator a program does not use, and every
// keyword check no kept validator names. A definition several schemas refer to is a module-level
// constant, and a `$ref` a function returning it, so a schema may refer to itself.
import { checkSchemaOf, KEYWORD_MODULES, subschemasOf } from '../../model/check-schemas.ts';
import type { ServiceModel } from '../../model/types.ts';
import type { ValidatorSchema } from '../../model/validation-schemas.ts';
import { codeHeader } from '../header.ts';
import {
  keywordCheckLocal,
  keywordTableName,
  runtimeModule,
  SCHEMA_VALIDATOR_LOCAL,
  schemaConstName,
  validatorName,
} from '../naming.ts';

/** A reference to a shared definition, until it is written as code. */
class DefRef {
  constructor(readonly name: string) {}
}

export function schemaModule(model: ServiceModel, schemas: readonly ValidatorSchema[]): string {
  const consts = new Map<string, string>();
  const defs = new Map<string, unknown>();
  const refTo = (name: string): DefRef => {
    if (!consts.has(name)) {
      consts.set(name, schemaConstName(consts.size));
      const given = model.schemaDefs[name];
      if (given === undefined) throw new Error(`no schema ${name} in the model`);
      defs.set(name, null); // its place in the module: before the definitions it refers to
      defs.set(name, checkSchemaOf(given, refTo));
    }
    return new DefRef(name);
  };
  const code = (value: unknown): string => literal(value, (ref) => consts.get(ref.name) as string);
  const validators = schemaValidators(schemas, refTo);
  // One table of keyword checks per set of keywords, shared by the validators that use that set.
  const tables = new Map<string, { readonly name: string; readonly keywords: readonly string[] }>();
  const exports = validators.map(([v, schema]) => {
    const keywords = [...keywordsOf(schema, defs)].sort();
    const key = keywords.join(',');
    const table = tables.get(key) ?? { name: keywordTableName(tables.size), keywords };
    tables.set(key, table);
    const data = schema instanceof DefRef ? consts.get(schema.name) : code(schema);
    return `export const ${validatorName(model, v)} = /*#__PURE__*/ ${SCHEMA_VALIDATOR_LOCAL}(${data}, ${table.name});`;
  });
  const used = [...new Set([...tables.values()].flatMap((t) => t.keywords))].sort();
  return [
    codeHeader(model).trimEnd(),
    `import { schemaValidator as ${SCHEMA_VALIDATOR_LOCAL} } from ${JSON.stringify(runtimeModule('schema-check'))};`,
    ...imports(used),
    ...[...tables.values()].map(
      ({ name, keywords }) =>
        `const ${name} = {${keywords.map((k) => `${k}: ${keywordCheckLocal(k)}`).join(', ')}};`,
    ),
    ...[...defs].map(([name, schema]) => `const ${consts.get(name)} = ${code(schema)};`),
    ...exports,
    '',
  ].join('\n');
}

/** An import of each keyword check the module names, from the runtime module that exports it. */
function imports(keywords: readonly string[]): string[] {
  const byModule = new Map<string, string[]>();
  for (const k of keywords) {
    const module = KEYWORD_MODULES[k] ?? unknownKeyword(k);
    byModule.set(module, [...(byModule.get(module) ?? []), k]);
  }
  return [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([module, names]) =>
        `import { ${names.map((k) => `${k} as ${keywordCheckLocal(k)}`).join(', ')} } from ${JSON.stringify(runtimeModule(module))};`,
    );
}

function unknownKeyword(keyword: string): never {
  throw new Error(`no runtime check of the keyword "${keyword}"`);
}

/** The keywords a schema and the definitions it reaches use, but `$ref` and `type` (the runtime's own). */
function keywordsOf(schema: unknown, defs: ReadonlyMap<string, unknown>): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (node instanceof DefRef) {
      if (seen.has(node.name)) return;
      seen.add(node.name);
      walk(defs.get(node.name));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) if (key !== '$ref' && key !== 'type') found.add(key);
    for (const sub of subschemasOf(node as Record<string, unknown>)) walk(sub);
  };
  walk(schema);
  return found;
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
