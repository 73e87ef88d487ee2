// A value for a JSON Schema, made up deterministically: every choice comes from a hash of the seed and
// the value's path, so the same request always gets the same response, and every value keeps the
// schema's constraints (enum, const, bounds, lengths, item counts). The spec's examples are used where
// they fit, for the first item of each list, so answers look like the documented ones.
export type Schema = Readonly<Record<string, unknown>>;
export type Schemas = Readonly<Record<string, Schema>>;

export interface SynthContext {
  /** Component schemas; a `$ref` ends in `#/$defs/Name`. */
  readonly schemas: Schemas;
  /** What the value is made from: the request, or a list item's identity. */
  readonly seed: string;
  /** The hash state after the seed (`seedState(seed)`), so each value hashes only its own path. */
  readonly seedState?: number;
  /** The dotted path of a value the caller writes itself (the list it fills): made an empty list, not
   * synthesised. No other value depends on it: each hashes its own path. */
  readonly replaced?: string | undefined;
}

/** Items in a synthesised list when the schema does not bound them: 1 to 3. */
const DEFAULT_MAX_ITEMS = 3;

export function synthesise(given: SynthContext, schema: Schema, example?: unknown, path = ''): unknown {
  const ctx: Seeded =
    given.seedState === undefined ? { ...given, seedState: seedState(given.seed) } : (given as Seeded);
  return make(ctx, schema, example, path, fnv(ctx.seedState, path));
}

/** `state`: the hash state after the seed and `path`, carried down so that a nested value hashes
 * only what its path adds to its parent's (the same hash as `hash(seed, path)`). */
function make(ctx: Seeded, schema: Schema, example: unknown, path: string, state: number): unknown {
  const s = resolve(ctx.schemas, schema);
  if ('const' in s) return s.const;
  const h = finish(state);
  if (Array.isArray(s.enum)) return fits(s, example) ? example : s.enum[h % s.enum.length];
  switch (s.type) {
    case 'object':
      return synthObject(ctx, s, example, path, state);
    case 'array':
      return synthArray(ctx, s, example, path, state, h);
    case 'integer':
    case 'number':
      return pick(s, example, path) ?? synthNumber(s, h);
    case 'boolean':
      return typeof example === 'boolean' ? example : h % 2 === 0;
    default:
      return pick(s, example, path) ?? synthString(s, path, h);
  }
}

/** The schema behind local refs (`#/components/schemas/X` in the spec, `…#/$defs/X` in the facts). */
export function resolve(schemas: Schemas, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const name = current.$ref.slice(current.$ref.lastIndexOf('/') + 1);
    current = schemas[name] ?? {};
  }
  return current;
}

type Seeded = SynthContext & { readonly seedState: number };

function synthObject(
  ctx: Seeded,
  s: Schema,
  example: unknown,
  path: string,
  state: number,
): Record<string, unknown> {
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const given = isRecord(example) ? example : {};
  const out: Record<string, unknown> = {};
  const under = path === '' ? state : fnv(state, '.');
  for (const name in properties) {
    const childPath = path === '' ? name : `${path}.${name}`;
    out[name] =
      childPath === ctx.replaced
        ? []
        : make(ctx, properties[name]!, given[name], childPath, fnv(under, name));
  }
  const values = s.additionalProperties;
  if (values !== null && typeof values === 'object') synthEntries(ctx, values as Schema, out, path, state);
  return out;
}

/** A map's entries: 1 to 3 keys that are XML names too (`key1`…), none a declared property's. */
function synthEntries(
  ctx: Seeded,
  values: Schema,
  out: Record<string, unknown>,
  path: string,
  state: number,
): void {
  const count = 1 + (finish(fnv(state, '{}')) % DEFAULT_MAX_ITEMS);
  const under = path === '' ? state : fnv(state, '.');
  for (let i = 1, made = 0; made < count; i++) {
    const key = `key${i}`;
    if (Object.hasOwn(out, key)) continue;
    out[key] = make(ctx, values, undefined, path === '' ? key : `${path}.${key}`, fnv(under, key));
    made++;
  }
}

function synthArray(
  ctx: Seeded,
  s: Schema,
  example: unknown,
  path: string,
  state: number,
  h: number,
): unknown[] {
  const min = Number(s.minItems ?? 0);
  const max = Math.max(min, Number(s.maxItems ?? Math.max(min, DEFAULT_MAX_ITEMS)));
  const count = Math.max(min, Math.min(max, 1 + (h % DEFAULT_MAX_ITEMS)));
  const given = Array.isArray(example) ? example : [];
  const items = (s.items ?? {}) as Schema;
  return Array.from({ length: count }, (_, i) => {
    const index = `[${i}]`;
    return make(ctx, items, given[i], `${path}${index}`, fnv(state, index));
  });
}

function synthNumber(s: Schema, h: number): number {
  const low = Math.ceil(
    Number(s.minimum ?? (s.exclusiveMinimum === undefined ? 0 : Number(s.exclusiveMinimum) + 1)),
  );
  const highBound =
    s.maximum ?? (s.exclusiveMaximum === undefined ? undefined : Number(s.exclusiveMaximum) - 1);
  const high = Math.floor(Number(highBound ?? low + 1000));
  const value = low + (h % (Math.max(high - low, 0) + 1));
  return s.type === 'number' && value < high ? value + 0.5 : value;
}

function synthString(s: Schema, path: string, h: number): string {
  // The last name of the path, without list indexes: `a[0].b[1]` → `b`.
  const last = path.slice(path.lastIndexOf('.') + 1);
  const leaf = (last.includes('[') ? last.replace(/\[\d+\]/g, '') : last) || 'value';
  const min = Number(s.minLength ?? 0);
  const max = Number(s.maxLength ?? 64);
  let text = `${leaf}-${h.toString(36)}`;
  if (text.length > max) text = text.slice(text.length - max);
  text = text.padEnd(min, '0');
  // A pattern the readable form breaks may still take digits: an int64 (decimal text), a numeric code.
  if (typeof s.pattern === 'string') {
    const pattern = regex(s.pattern);
    if (!pattern.test(text) && pattern.test(String(h))) return String(h);
  }
  return text;
}

/** The example when it keeps the schema's constraints, else undefined. The schema's own example
 * serves only the first item of each list, so items stay distinct. */
function pick(s: Schema, example: unknown, path: string): unknown {
  if (fits(s, example)) return example;
  return fits(s, s.example) && !/\[[1-9]\d*\]/.test(path) ? s.example : undefined;
}

function fits(s: Schema, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(s.enum)) return s.enum.includes(value);
  if (s.type === 'integer' || s.type === 'number') {
    if (typeof value !== 'number' || (s.type === 'integer' && !Number.isInteger(value))) return false;
    return !(
      (s.minimum !== undefined && value < Number(s.minimum)) ||
      (s.maximum !== undefined && value > Number(s.maximum))
    );
  }
  if (typeof value !== 'string') return false;
  if (s.minLength !== undefined || s.maxLength !== undefined) {
    const length = [...value].length;
    if (s.minLength !== undefined && length < Number(s.minLength)) return false;
    if (s.maxLength !== undefined && length > Number(s.maxLength)) return false;
  }
  return typeof s.pattern !== 'string' || regex(s.pattern).test(value);
}

/** Patterns come from the spec: a handful, compiled once each. */
const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  const known = compiled.get(pattern);
  if (known !== undefined) return known;
  const re = new RegExp(pattern, 'u');
  compiled.set(pattern, re);
  return re;
}

/** A 32-bit hash of the seed and path: FNV-1a over their UTF-16 code units, then murmur3's finaliser
 * to spread the bits (a made-up value only needs to be stable and well spread, not secure; a SHA-256
 * per synthesised field was the reference server's largest cost). */
export function hash(seed: string, path: string): number {
  return hashFrom(seedState(seed), path);
}

/** FNV-1a over the seed and the separator: where every path of that seed starts from. */
export function seedState(seed: string): number {
  return fnv(fnv(0x811c9dc5, seed), '\0');
}

function hashFrom(state: number, path: string): number {
  return finish(fnv(state, path));
}

/** murmur3's finaliser over an FNV state. */
function finish(state: number): number {
  let h = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fnv(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
