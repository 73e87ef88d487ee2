// The checks of the keywords that compare values (schema-check.ts): `const`, `enum` and `uniqueItems`,
// with JSON equality as ajv's `equal` judges it; exported under the keywords' names for the generated
// validators, which import those they use.
import { fail, type KeywordCheck, TYPES } from './schema-check.js';

type Obj = Record<string, unknown>;

const checkConst: KeywordCheck = (s) => {
  const value = s.const;
  return (d, p, o) => {
    if (!same(d, value)) fail(o, p, 'const', { allowedValue: value });
  };
};

const checkEnum: KeywordCheck = (s) => {
  const values = s.enum as readonly unknown[];
  return (d, p, o) => {
    if (!values.some((v) => same(d, v))) fail(o, p, 'enum', { allowedValues: values });
  };
};

const checkUniqueItems: KeywordCheck = (s) => {
  if (s.uniqueItems !== true) return () => {};
  const item = typeof s.items === 'object' ? s.items.type : undefined;
  const itemTypes = item === undefined ? [] : typeof item === 'string' ? [item] : item;
  return (d, p, o) => {
    const found = duplicate(itemTypes, d as unknown[]);
    if (found !== undefined) fail(o, p, 'uniqueItems', { i: found[0], j: found[1] });
  };
};

/** ajv's search for two equal items: by value when the items' schema names only scalar types, else by
 * deep equality, both from the end. Returns the two indices as ajv reports them (`i`, `j`). */
function duplicate(itemTypes: readonly string[], d: readonly unknown[]): [number, number] | undefined {
  if (d.length < 2) return undefined;
  if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
    const indices: Record<string, number> = {};
    for (let i = d.length; i--; ) {
      let value = d[i];
      if (!itemTypes.some((t) => (TYPES[t] as (d: unknown) => boolean)(value))) continue;
      if (itemTypes.length > 1 && typeof value === 'string') value += '_';
      const j = indices[value as string];
      if (typeof j === 'number') return [i, j];
      indices[value as string] = i;
    }
    return undefined;
  }
  for (let i = d.length; i--; ) {
    for (let j = i; j--; ) if (same(d[i], d[j])) return [i, j];
  }
  return undefined;
}

/** JSON equality as ajv's `equal` (fast-deep-equal) judges it for JSON values. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b) || a.constructor !== b.constructor) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && same((a as Obj)[k], (b as Obj)[k]));
}

export { checkConst as const, checkEnum as enum, checkUniqueItems as uniqueItems };
