// The seed: a product's scopes (the values a request may name, e.g. regions with their zones) and the
// starting resources of its state model, each with an id, a state and attributes (JSON or YAML).
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** One scope: a root key's value (`RegionId: cn-hangzhou`) and the values valid within it. */
export interface Scope {
  readonly key: string;
  readonly value: string;
  readonly within: Readonly<Record<string, readonly string[]>>;
}

export interface SeedEntry {
  readonly id: string;
  readonly state: string;
  /** Attributes by request-parameter name (`RegionId`, `ZoneId`): what list actions filter by. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Seed {
  /** The product the seed belongs to (`x-acs-service.product`). */
  readonly product: string;
  readonly scopes: readonly Scope[];
  readonly resources: Readonly<Record<string, readonly SeedEntry[]>>;
}

export async function loadSeed(file: string | URL): Promise<Seed> {
  return checkSeed(parse(await readFile(file, 'utf8')), String(file));
}

/** Refuses a seed that contradicts itself, with the entry at fault named. */
export function checkSeed(value: unknown, where: string): Seed {
  const seed = value as { product?: unknown; scopes?: unknown; resources?: unknown } | null;
  if (typeof seed?.product !== 'string' || seed.product === '')
    throw new Error(`${where}: a seed needs "product" (the spec's x-acs-service.product)`);
  if (seed.scopes !== undefined && !Array.isArray(seed.scopes))
    throw new Error(`${where}: "scopes" must be a list`);
  const scopes = ((seed.scopes ?? []) as unknown[]).map((s, i) => checkScope(s, `${where}: scopes[${i}]`));
  if (new Set(scopes.map((s) => s.key)).size > 1)
    throw new Error(`${where}: every scope must have the same root key (${scopes[0]?.key})`);
  if (seed.resources !== undefined && !isRecord(seed.resources))
    throw new Error(`${where}: "resources" must map each resource to a list of entries`);
  const resources: Record<string, SeedEntry[]> = {};
  for (const [kind, list] of Object.entries(seed.resources ?? {})) {
    if (!Array.isArray(list)) throw new Error(`${where}: resources.${kind} must be a list`);
    const ids = new Set<string>();
    resources[kind] = list.map((entry: unknown, i) => {
      const checked = checkEntry(entry, `${where}: resources.${kind}[${i}]`, scopes);
      if (ids.has(checked.id))
        throw new Error(`${where}: resources.${kind}[${i}] (${checked.id}) repeats an id`);
      ids.add(checked.id);
      return checked;
    });
  }
  return { product: seed.product, scopes, resources };
}

/**
 * The values a client should name to stay inside the seed's world, as `--value` takes them: every
 * scope's root value, the first scope's first (`RegionId: cn-hangzhou,cn-shanghai`), and each list
 * within the first scope (`ZoneId: cn-hangzhou-d,cn-hangzhou-h`). A conformance run against a
 * seeded server uses them where a spec example names a region or zone the seed does not have, which
 * the server rightly refuses as not found, and compares the answers of the several roots.
 */
export function seedValues(seed: Seed): Record<string, string> {
  const [first] = seed.scopes;
  if (first === undefined) return {};
  const roots = [...new Set(seed.scopes.filter((s) => s.key === first.key).map((s) => s.value))];
  const values: Record<string, string> = { [first.key]: roots.join(',') };
  for (const [name, allowed] of Object.entries(first.within))
    if (allowed.length > 0) values[name] = allowed.join(',');
  return values;
}

/** Refuses a seed whose resources or states the service's spec does not declare. */
export function checkSeedStates(
  seed: Seed,
  declared: Readonly<Record<string, { readonly states: readonly string[] }>>,
): void {
  for (const [kind, entries] of Object.entries(seed.resources)) {
    const resource = Object.hasOwn(declared, kind) ? declared[kind] : undefined;
    if (resource === undefined)
      throw new Error(`seed of ${seed.product}: resource ${kind} is not declared in the spec`);
    entries.forEach((e, i) => {
      if (!resource.states.includes(e.state))
        throw new Error(
          `seed of ${seed.product}: resources.${kind}[${i}] (${e.id}) has state ${e.state}, not one of ${resource.states.join(', ')}`,
        );
    });
  }
}

function checkScope(value: unknown, at: string): Scope {
  const fields = isRecord(value) ? Object.entries(value) : [];
  const roots = fields.filter(([, v]) => typeof v === 'string');
  const lists = fields.filter(([, v]) => typeof v !== 'string');
  if (
    roots.length !== 1 ||
    !lists.every(([, v]) => Array.isArray(v) && v.every((x) => typeof x === 'string'))
  )
    throw new Error(`${at} needs one root value (e.g. RegionId: cn-hangzhou) and lists of values within it`);
  const [key, root] = roots[0] as [string, string];
  return { key, value: root, within: Object.fromEntries(lists) as Record<string, string[]> };
}

function checkEntry(value: unknown, at: string, scopes: readonly Scope[]): SeedEntry {
  const entry = isRecord(value) ? value : {};
  const { id, state, ...rest } = entry;
  if (typeof id !== 'string' || id === '') throw new Error(`${at} needs an id`);
  const fault = (what: string) => new Error(`${at} (${id}) ${what}`);
  if (typeof state !== 'string') throw fault('needs a state');
  for (const [k, v] of Object.entries(rest)) if (typeof v !== 'string') throw fault(`has a non-text ${k}`);
  const attributes = rest as Record<string, string>;
  const key = scopes[0]?.key;
  if (key !== undefined && attributes[key] !== undefined) {
    const scope = scopes.find((s) => s.value === attributes[key]);
    if (scope === undefined) throw fault(`names unknown ${key} ${attributes[key]}`);
    for (const [name, allowed] of Object.entries(scope.within))
      if (attributes[name] !== undefined && !allowed.includes(attributes[name]))
        throw fault(`names unknown ${name} ${attributes[name]}`);
  }
  return { id, state, attributes };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
