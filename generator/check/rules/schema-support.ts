// Rule: schemas use only the JSON Schema keywords the generator maps to types, validators and XML,
// with values a validator can compile.
import { joinPointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';

const SUPPORTED = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'default',
  'title',
  'description',
  'deprecated',
  'example',
  'examples',
  'xml',
  'readOnly',
  'writeOnly',
  'format',
]);
/** Formats of Alibaba's metadata; int64 changes the value's representation (spec/README.md). */
const FORMATS = new Set(['int32', 'int64', 'float', 'double']);
const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);

export function checkSchemaSupport(ctx: CheckContext): void {
  const root = ctx.spec.value as Record<string, unknown>;
  const components = isObject(root.components) ? root.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) {
    checkSchema(ctx, schema, joinPointer('/components/schemas', name));
  }
  for (const { pointer, operation } of operations(root)) {
    const params = Array.isArray(operation.parameters) ? operation.parameters : [];
    params.forEach((p: unknown, i) => {
      if (isObject(p) && p.schema !== undefined) {
        checkSchema(ctx, p.schema, joinPointer(pointer, 'parameters', i, 'schema'));
      }
    });
  }
}

function checkSchema(ctx: CheckContext, schema: unknown, pointer: string): void {
  if (!isObject(schema)) return;
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED.has(key) && !key.startsWith('x-')) {
      ctx.report(
        'schema.unsupported',
        joinPointer(pointer, key),
        `Schema keyword "${key}" is not supported by the generator; supported: ${[...SUPPORTED].sort().join(', ')}.`,
      );
    }
  }
  if (schema.type !== undefined && !(typeof schema.type === 'string' && TYPES.has(schema.type))) {
    ctx.report(
      'schema.unsupported',
      joinPointer(pointer, 'type'),
      `Schema type ${JSON.stringify(schema.type)} is not supported; use one of ${[...TYPES].join(', ')}.`,
    );
  }
  if (schema.format !== undefined && !(typeof schema.format === 'string' && FORMATS.has(schema.format))) {
    ctx.report(
      'schema.unsupported',
      joinPointer(pointer, 'format'),
      `Schema format ${JSON.stringify(schema.format)} is not supported; use one of ${[...FORMATS].join(', ')}.`,
    );
  }
  // A schema-valued additionalProperties is a string-keyed map (spec/README.md, maps).
  if (isObject(schema.additionalProperties)) {
    checkSchema(ctx, schema.additionalProperties, joinPointer(pointer, 'additionalProperties'));
  } else if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== 'boolean') {
    ctx.report(
      'schema.unsupported',
      joinPointer(pointer, 'additionalProperties'),
      'additionalProperties must be a boolean or a schema (the values of a map).',
    );
  }
  checkValues(ctx, schema, pointer);
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      checkSchema(ctx, child, joinPointer(pointer, 'properties', name));
    }
  }
  checkSchema(ctx, schema.items, joinPointer(pointer, 'items'));
}

/** Keywords that constrain one kind of value only (ajv's strict mode refuses them on another). */
export const KEYWORD_TYPES: Readonly<Record<string, readonly string[]>> = {
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  minimum: ['integer', 'number'],
  maximum: ['integer', 'number'],
  exclusiveMinimum: ['integer', 'number'],
  exclusiveMaximum: ['integer', 'number'],
  minItems: ['array'],
  maxItems: ['array'],
  uniqueItems: ['array'],
  items: ['array'],
  properties: ['object'],
  required: ['object'],
  additionalProperties: ['object'],
};

/** Values the OpenAPI linter lets through but no validator can compile: a keyword of another type of
 * value, an enum that admits nothing, a pattern that is not a regular expression (ajv reads patterns
 * with the `u` flag). */
function checkValues(ctx: CheckContext, schema: Record<string, unknown>, pointer: string): void {
  if (Array.isArray(schema.enum) && schema.enum.length === 0) {
    ctx.report(
      'schema.invalid',
      joinPointer(pointer, 'enum'),
      'An empty enum admits no value; list the values, or leave enum out to admit any.',
    );
  }
  if (typeof schema.type === 'string') {
    for (const key of Object.keys(schema)) {
      const owner = KEYWORD_TYPES[key];
      if (owner !== undefined && !owner.includes(schema.type))
        ctx.report(
          'schema.invalid',
          joinPointer(pointer, key),
          `"${key}" applies to ${owner.join(' or ')} values, not to this ${schema.type}; remove it.`,
        );
    }
  }
  if (typeof schema.pattern === 'string') {
    try {
      new RegExp(schema.pattern, 'u');
    } catch (error) {
      ctx.report(
        'schema.invalid',
        joinPointer(pointer, 'pattern'),
        `The pattern is not a regular expression: ${(error as Error).message}.`,
      );
    }
  }
}
