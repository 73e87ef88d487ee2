// JSON Schema (the supported subset) → TypeScript type text for request properties.
import { stringLiteral } from '../literal.ts';
import { schemaTypeName } from '../naming.ts';

type Schema = Readonly<Record<string, unknown>>;

export function typeOfSchema(schema: Schema): string {
  if (typeof schema.$ref === 'string') return schemaTypeName(schema.$ref.split('/').pop()!);
  if (Array.isArray(schema.enum))
    return schema.enum.map((v) => (typeof v === 'string' ? stringLiteral(v) : String(v))).join(' | ');
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = typeOfSchema((schema.items ?? {}) as Schema);
      return `readonly ${item.includes('|') ? `(${item})` : item}[]`;
    }
    case 'object':
      return 'Readonly<Record<string, unknown>>';
    default:
      return 'string';
  }
}

/** Constraints a caller should see in the doc comment, in words. */
export function constraintText(schema: Schema): string[] {
  const lines: string[] = [];
  const range = (min: unknown, max: unknown, unit: string) => {
    if (min !== undefined && max !== undefined) lines.push(`${unit}: ${min} to ${max}.`);
    else if (min !== undefined) lines.push(`${unit}: at least ${min}.`);
    else if (max !== undefined) lines.push(`${unit}: at most ${max}.`);
  };
  range(schema.minimum, schema.maximum, 'Range');
  range(schema.minLength, schema.maxLength, 'Length');
  range(schema.minItems, schema.maxItems, 'Items');
  if (schema.items !== undefined) {
    const items = schema.items as Schema;
    range(items.minLength, items.maxLength, 'Length of each item');
  }
  return lines;
}
