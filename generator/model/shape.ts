// Schema → response Shape: what XML normalization needs (which values are lists, which are numbers).
import { resolvePointer } from '../load/pointer.ts';
import type { ShapeModel } from './types.ts';

type Schema = Record<string, unknown>;

export function shapeOf(root: unknown, schema: unknown, propertyName?: string): ShapeModel {
  const resolved = deref(root, schema);
  switch (resolved.type) {
    case 'integer':
      return { kind: resolved.format === 'int64' ? 'int64' : 'integer' };
    case 'number':
    case 'boolean':
      return { kind: resolved.type };
    case 'array': {
      const items = deref(root, resolved.items);
      const itemName = xmlName(items) ?? xmlName(resolved.items as Schema) ?? propertyName;
      const shape = shapeOf(root, resolved.items);
      return itemName === undefined
        ? { kind: 'array', items: shape }
        : { kind: 'array', items: shape, xmlItemName: itemName };
    }
    case 'object': {
      const props = (resolved.properties ?? {}) as Record<string, unknown>;
      const properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, shapeOf(root, v, k)]));
      const additional = resolved.additionalProperties;
      return additional !== null && typeof additional === 'object'
        ? { kind: 'object', properties, additional: shapeOf(root, additional) }
        : { kind: 'object', properties };
    }
    case 'string':
      return { kind: 'string' };
    default:
      // No type (the metadata's `type: any`): any JSON value; XML gives it as text.
      return resolved.type === undefined && isUntyped(resolved) ? { kind: 'any' } : { kind: 'string' };
  }
}

/** No keyword that constrains the value's type: enum, const, properties, items or pattern. */
function isUntyped(schema: Schema): boolean {
  return ['enum', 'const', 'properties', 'items', 'pattern', 'minLength', 'maxLength'].every(
    (k) => schema[k] === undefined,
  );
}

/** Follows local refs until a schema without `$ref` (the check stage rejects cycles of bare refs). */
export function deref(root: unknown, schema: unknown): Schema {
  let current = (schema ?? {}) as Schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    current = (resolvePointer(root, current.$ref) ?? {}) as Schema;
  }
  return current;
}

export function xmlName(schema: Schema | undefined): string | undefined {
  const xml = schema?.xml as Record<string, unknown> | undefined;
  return typeof xml?.name === 'string' ? xml.name : undefined;
}
