// A curated spec over an imported one (`x-acs-base: imported/<product>@<version>.yaml`): the base document with the
// curated document's entries in place of the base's entries of the same name. The rule, at its grain:
// - `paths`: a curated path item replaces the base's path item whole (its operation, parameters,
//   binding, cases, waiters: nothing of the base's version is kept);
// - `components`: per section (`schemas`, `parameters`, `responses`, …), an entry replaces the base's
//   entry of the same name whole;
// - `x-acs-service`: per field, the curated value wins; its `errors` merge per code, curated first;
// - anything else at the top (`info`, `servers`, `security`, `tags`, …): the curated value, when given;
// - an error code the curated spec defines (service-wide or on one of its actions) has the curated
//   status and retryability in the base's actions too (one code, one status: the curated one); each
//   keeps its own message.
// Every entry keeps where it came from, so a diagnostic points into the file that holds it.

type Json = Record<string, unknown>;

/** How deep the curated document reaches before an entry is replaced whole (0: the key itself). */
const GRAIN: Readonly<Record<string, number | Readonly<Record<string, number>>>> = {
  paths: 1,
  components: 2,
  'x-acs-service': { errors: 1 },
};

export interface Merged {
  readonly value: Json;
  /** Whether the value at these pointer segments comes from the base document. */
  fromBase(segments: readonly string[]): boolean;
}

export function mergeBase(base: Json, curated: Json): Merged {
  const fromBase = new Set<string>();
  const value: Json = {};
  const key = (segments: readonly string[]) => JSON.stringify(segments);
  const take = (target: Json, name: string, b: unknown, c: unknown, at: readonly string[], depth: number) => {
    if (c === undefined) {
      target[name] = b;
      fromBase.add(key([...at, name]));
    } else if (depth === 0 || !isObject(b) || !isObject(c)) {
      target[name] = c;
    } else {
      const inner: Json = {};
      for (const k of union(b, c)) take(inner, k, b[k], c[k], [...at, name], depth - 1);
      target[name] = inner;
    }
  };
  for (const name of union(base, curated)) {
    if (name === BASE_KEY) continue;
    const grain = GRAIN[name] ?? 0;
    if (typeof grain === 'number') take(value, name, base[name], curated[name], [], grain);
    else {
      const b = base[name];
      const c = curated[name];
      if (c === undefined || !isObject(b) || !isObject(c)) take(value, name, b, c, [], 0);
      else {
        const inner: Json = {};
        for (const k of union(b, c)) take(inner, k, b[k], c[k], [name], grain[k] ?? 0);
        value[name] = inner;
      }
    }
  }
  pinErrors(value, curated, (name) => fromBase.has(key(['paths', name])));
  return {
    value,
    fromBase: (segments) => segments.some((_, i) => fromBase.has(key(segments.slice(0, i + 1)))),
  };
}

interface ErrorRule {
  readonly httpStatus?: unknown;
  readonly retryable?: unknown;
}

/** The curated status and retryability of each code it defines, applied to the base's path items. */
function pinErrors(value: Json, curated: Json, fromBase: (path: string) => boolean): void {
  const rules = new Map<string, ErrorRule>();
  const collect = (errors: unknown) => {
    if (!isObject(errors)) return;
    for (const [code, rule] of Object.entries(errors))
      if (isObject(rule) && !rules.has(code)) rules.set(code, rule);
  };
  collect((curated['x-acs-service'] as Json | undefined)?.errors);
  for (const item of Object.values(isObject(curated.paths) ? curated.paths : {}))
    for (const op of Object.values(isObject(item) ? item : {}))
      if (isObject(op)) collect((op['x-acs-rpc'] as Json | undefined)?.errors);
  if (rules.size === 0 || !isObject(value.paths)) return;
  const paths = value.paths;
  for (const [name, item] of Object.entries(paths)) {
    if (!fromBase(name) || !isObject(item)) continue;
    paths[name] = Object.fromEntries(Object.entries(item).map(([method, op]) => [method, pinned(op, rules)]));
  }
}

function pinned(op: unknown, rules: ReadonlyMap<string, ErrorRule>): unknown {
  const binding = isObject(op) ? op['x-acs-rpc'] : undefined;
  if (!isObject(op) || !isObject(binding) || !isObject(binding.errors)) return op;
  const errors = Object.fromEntries(
    Object.entries(binding.errors).map(([code, rule]) => {
      const pin = rules.get(code);
      if (pin === undefined || !isObject(rule)) return [code, rule];
      const { retryable: _, ...rest } = rule;
      return [
        code,
        { ...rest, httpStatus: pin.httpStatus, ...(pin.retryable === true ? { retryable: true } : {}) },
      ];
    }),
  );
  return { ...op, 'x-acs-rpc': { ...binding, errors } };
}

/** The key of a curated spec that names its base, relative to the curated file. */
export const BASE_KEY = 'x-acs-base';

/** The base's keys in their order (a replaced entry keeps its place), then the curated spec's own. */
function union(base: Json, curated: Json): string[] {
  return [...new Set([...Object.keys(base), ...Object.keys(curated)])];
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
