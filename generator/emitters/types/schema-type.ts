// JSON Schema (the supported subset) → the TypeScript type of a request property: scalars, enums,
// lists and objects with their own properties, recursively (`readonly { readonly Key?: string }[]`),
// maps as `Readonly<Record<string, T>>`.
import { type CodeBlockWriter, type WriterFunction, Writers } from 'ts-morph';
import { propertyKey, stringLiteral } from '../literal.ts';
import { schemaTypeName } from '../naming.ts';

type Schema = Readonly<Record<string, unknown>>;
export type TypeText = string | WriterFunction;

export function typeOfSchema(schema: Schema): TypeText {
  if (typeof schema.$ref === 'string') return schemaTypeName(schema.$ref.split('/').pop()!);
  if (Array.isArray(schema.enum))
    return schema.enum.map((v) => (typeof v === 'string' ? stringLiteral(v) : String(v))).join(' | ');
  if (Array.isArray(schema.type)) return 'number | string'; // a request's int64 (json-schema.ts)
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return arrayType(
        typeOfSchema((schema.items ?? {}) as Schema),
        (schema.items as Schema)?.type === 'array',
      );
    case 'object':
      return objectType(schema);
    case undefined:
      // No type (the metadata's `type: any`): any JSON value.
      return 'unknown';
    default:
      return 'string';
  }
}

/** `readonly T[]`; a union or a list of lists in parentheses (`readonly (readonly T[])[]`), since
 * `readonly readonly T[][]` is not TypeScript. */
function arrayType(item: TypeText, nested: boolean): WriterFunction {
  return (writer: CodeBlockWriter) => {
    const union = nested || (typeof item === 'string' && item.includes('|'));
    writer.write(union ? 'readonly (' : 'readonly ');
    write(writer, item);
    writer.write(union ? ')[]' : '[]');
  };
}

function objectType(schema: Schema): TypeText {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
  const values = schema.additionalProperties;
  const map = values !== null && typeof values === 'object' ? (values as Schema) : undefined;
  if (properties.length === 0) return recordType(map === undefined ? 'unknown' : typeOfSchema(map));
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Writers.objectType({
    // Declared fields beside map entries: the index signature must admit both, so it is unknown.
    ...(map === undefined
      ? {}
      : {
          indexSignatures: [{ keyName: 'key', keyType: 'string', returnType: 'unknown', isReadonly: true }],
        }),
    properties: properties.map(([name, child]) => ({
      name: propertyKey(name),
      isReadonly: true,
      hasQuestionToken: !required.has(name),
      type: typeOfSchema(child),
      ...(typeof child.description === 'string' ? { docs: [child.description.trim()] } : {}),
    })),
  });
}

/** An untyped value (no `type`) is `unknown`, never a string it may not be. */
function recordType(values: TypeText): WriterFunction {
  return (writer: CodeBlockWriter) => {
    writer.write('Readonly<Record<string, ');
    write(writer, values);
    writer.write('>>');
  };
}

function write(writer: CodeBlockWriter, type: TypeText): void {
  if (typeof type === 'string') writer.write(type);
  else type(writer);
}

/** Constraints a caller should see in the doc comment, in words. */
export function constraintText(schema: Schema): string[] {
  const lines: string[] = [];
  const range = (min: unknown, max: unknown, unit: string) => {
    if (min !== undefined && max !== undefined) lines.push(`${unit}: ${min} to ${max}.`);
    else if (min !== undefined) lines.push(`${unit}: at least ${min}.`);
    else if (max !== undefined) lines.push(`${unit}: at most ${max}.`);
  };
  if (Array.isArray(schema.type)) {
    // A request's int64 (json-schema.ts): its numeric bounds are the safe-integer ones.
    lines.push('An int64: a number up to 2^53 − 1, or any int64 as a decimal string.');
    range(schema.minimum === -Number.MAX_SAFE_INTEGER ? undefined : schema.minimum, undefined, 'Range');
  } else range(schema.minimum, schema.maximum, 'Range');
  range(schema.minLength, schema.maxLength, 'Length');
  range(schema.minItems, schema.maxItems, 'Items');
  if (schema.items !== undefined) {
    const items = schema.items as Schema;
    range(items.minLength, items.maxLength, 'Length of each item');
  }
  return lines;
}
