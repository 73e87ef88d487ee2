// Shape-driven normalization of a parsed response (JSON or XML): lists are always arrays (0, 1 or
// many items), integers and numbers are numbers, booleans booleans, int64 decimal strings (every
// digit kept), map entries each by the map's value shape, untyped values as they came, whatever the
// wire gave. An integer beyond 2^53 that is not an int64 is refused: as a
// number it would have silently lost digits.
import type { Shape } from './descriptors.js';
import { AcsResponseError } from './errors.js';

export function normalize(value: unknown, shape: Shape, path = ''): unknown {
  switch (shape.kind) {
    case 'string':
      return scalarText(value, path, 'a string');
    case 'integer':
    case 'number':
      return toNumber(value, shape.kind, path);
    case 'int64':
      return toInt64(value, path);
    case 'boolean':
      return toBoolean(value, path);
    case 'array':
      return toArray(value).map((item, i) => {
        const ready = asIs(item, shape.items);
        return ready !== NOT_AS_IS ? ready : normalize(item, shape.items, `${path}[${i}]`);
      });
    case 'object':
      return toObject(value, shape.properties, shape.additional, path);
    case 'any':
      return value;
  }
}

/** What asIs answers when a value needs the full conversion (and its path, for the error). */
const NOT_AS_IS: unique symbol = Symbol('not as is');

/** A scalar already in its shape's form, converted at once: most of a response, and no path is
 * built for it (the first case of each converter below, nothing more). */
function asIs(value: unknown, shape: Shape): unknown {
  switch (shape.kind) {
    case 'string':
      return typeof value === 'string' ? value : NOT_AS_IS;
    case 'number':
      return typeof value === 'number' ? value : NOT_AS_IS;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : NOT_AS_IS;
    case 'boolean':
      return typeof value === 'boolean' ? value : NOT_AS_IS;
    case 'any':
      return value;
    default:
      return NOT_AS_IS;
  }
}

function toObject(
  value: unknown,
  properties: Readonly<Record<string, Shape>>,
  additional: Shape | undefined,
  path: string,
): Record<string, unknown> {
  // An empty XML element (`<InstanceStatuses/>`, or one holding only layout) reads as blank text and
  // stands for an object with nothing in it.
  if (isBlank(value) || value === undefined || value === null) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) throw mismatch(path, 'an object', value);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = { ...source };
  // for…in rather than Object.entries: no array of pairs per object read.
  for (const name in properties) {
    if (!Object.hasOwn(properties, name)) continue;
    const shape = properties[name]!;
    // An unwrapped XML list repeats its items under the item name inside the parent element.
    const key =
      shape.kind === 'array' && !(name in source) && shape.xmlItemName !== undefined
        ? shape.xmlItemName
        : name;
    if (key !== name) delete out[key];
    const child = source[key];
    if (child === undefined && shape.kind !== 'array') continue;
    const ready = asIs(child, shape);
    out[name] = ready !== NOT_AS_IS ? ready : normalize(child, shape, path === '' ? name : `${path}.${name}`);
  }
  if (additional !== undefined) {
    for (const key of Object.keys(out)) {
      if (Object.hasOwn(properties, key)) continue;
      // Defined, not assigned: a map key `__proto__` (JSON.parse makes it an own key) stays a key.
      Object.defineProperty(out, key, {
        value: normalize(out[key], additional, path === '' ? key : `${path}.${key}`),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

function toArray(value: unknown): unknown[] {
  if (value === undefined || value === null || isBlank(value)) return [];
  return Array.isArray(value) ? value : [value];
}

function toNumber(value: unknown, kind: 'integer' | 'number', path: string): number {
  if (typeof value === 'number' && kind === 'number') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  const pattern = kind === 'integer' ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (!pattern.test(text)) throw mismatch(path, kind === 'integer' ? 'an integer' : 'a number', value);
  if (kind === 'integer' && !Number.isSafeInteger(Number(text)))
    throw new AcsResponseError({
      code: 'Client.MalformedResponse',
      message: `Response field ${path || '(root)'} is ${text}, beyond 2^53: the spec should declare it format: int64.`,
    });
  return Number(text);
}

/** JSON big integers arrive here already quoted (json.ts); safe numbers are written out in full. */
function toInt64(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  const text = typeof value === 'string' ? value.trim() : '';
  if (/^-?\d{1,19}$/.test(text)) return text;
  throw mismatch(path, 'an int64', value);
}

function toBoolean(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw mismatch(path, 'a boolean', value);
}

function scalarText(value: unknown, path: string, what: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw mismatch(path, what, value);
}

/** Longer text is described, never quoted in part: a cut secret would no longer be recognised and
 * hidden by the client's scrubber (only the whole of it is). */
const QUOTED_TEXT = 100;

function mismatch(path: string, expected: string, value: unknown): AcsResponseError {
  const got =
    typeof value === 'string'
      ? value.length <= QUOTED_TEXT
        ? JSON.stringify(value)
        : `a string of ${value.length} characters`
      : Array.isArray(value)
        ? 'a list'
        : typeof value;
  return new AcsResponseError({
    code: 'Client.MalformedResponse',
    message: `Response field ${path || '(root)'} should be ${expected}, got ${got}.`,
  });
}

/** Text of white space only: what an empty XML element with indentation inside reads as. */
function isBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '';
}
