// The smallest valid value of a parameter whose spec gives no example: what the suite sends for a
// required parameter when neither the run (`--value`) nor the spec names one: the schema's own
// const, first enum value, default or example where it has one. Deterministic, and
// within every constraint the schema states; `undefined` where no value can be known valid (a
// pattern none of the candidates matches), so the check can say what to pass instead of guessing.
type Schema = Readonly<Record<string, unknown>>;
type Schemas = Readonly<Record<string, Schema>>;

const MAX_DEPTH = 8;

export function minimalValue(schema: Schema, schemas: Schemas, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = schemas[ref.slice(ref.lastIndexOf('/') + 1)];
    return target === undefined ? undefined : minimalValue(target, schemas, depth + 1);
  }
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.example !== undefined) return schema.example;
  switch (schema.type) {
    case 'string':
      return minimalString(schema);
    case 'integer':
    case 'number':
      return minimalNumber(schema);
    case 'boolean':
      return true;
    case 'array': {
      const item = minimalValue((schema.items ?? {}) as Schema, schemas, depth + 1);
      if (item === undefined) return undefined;
      const count = Math.max(1, Number(schema.minItems ?? 1));
      return Array.from({ length: count }, () => item);
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const out: Record<string, unknown> = {};
      // An object with no required field still needs one on the wire to be there at all.
      const chosen = required.length > 0 ? required : Object.keys(properties).slice(0, 1);
      for (const name of chosen) {
        const value = minimalValue(properties[name] ?? {}, schemas, depth + 1);
        if (value === undefined) return undefined;
        out[name] = value;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Lower-case letters, then digits, at the least length allowed; the first the pattern accepts. */
function minimalString(schema: Schema): string | undefined {
  const min = Math.max(1, Number(schema.minLength ?? 1));
  const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
  if (min > max) return undefined;
  const candidates = ['a', '1', 'A', 'a1'].map((unit) =>
    unit.repeat(Math.ceil(min / unit.length)).slice(0, Math.max(min, unit.length)),
  );
  if (typeof schema.pattern !== 'string') return candidates[0];
  const pattern = new RegExp(schema.pattern, 'u');
  return candidates.find((c) => c.length <= max && pattern.test(c));
}

function minimalNumber(schema: Schema): number | undefined {
  const step = schema.type === 'integer' ? 1 : 0.5;
  let value = 1;
  if (typeof schema.minimum === 'number') value = Math.max(value, schema.minimum);
  if (typeof schema.exclusiveMinimum === 'number') value = Math.max(value, schema.exclusiveMinimum + step);
  if (typeof schema.maximum === 'number' && value > schema.maximum) value = schema.maximum;
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
    value = schema.exclusiveMaximum - step;
  if (schema.type === 'integer') value = Math.ceil(value);
  const min = typeof schema.minimum === 'number' ? schema.minimum : Number.NEGATIVE_INFINITY;
  return value < min ? undefined : value;
}
