// The seed file: regions with zones and clusters, and instances with their status (JSON or YAML).
import { readFile } from 'node:fs/promises';
import type { Status } from '@acs-rpc/ecs';
import { parse } from 'yaml';

export interface Region {
  readonly id: string;
  readonly zones: readonly string[];
  readonly clusters: readonly string[];
}

export interface Instance {
  readonly id: string;
  readonly region: string;
  readonly zone: string;
  readonly cluster?: string;
  readonly status: Status;
}

export interface Seed {
  readonly regions: readonly Region[];
  readonly instances: readonly Instance[];
}

/** The spec's instance statuses; the record makes the compiler notice a new one. */
const STATUSES: Readonly<Record<Status, true>> = {
  Pending: true,
  Running: true,
  Starting: true,
  Stopping: true,
  Stopped: true,
};

export const DEFAULT_SEED = new URL('../seed.yaml', import.meta.url);

export async function loadSeed(file: string | URL = DEFAULT_SEED): Promise<Seed> {
  return checkSeed(parse(await readFile(file, 'utf8')), String(file));
}

/** Refuses a seed that contradicts itself, with the entry at fault named. */
export function checkSeed(value: unknown, where: string): Seed {
  const seed = value as { regions?: unknown; instances?: unknown } | null;
  if (!Array.isArray(seed?.regions) || !Array.isArray(seed.instances)) {
    throw new Error(`${where}: a seed needs "regions" and "instances" lists`);
  }
  const regions = seed.regions.map((r: unknown, i) => checkRegion(r, `${where}: regions[${i}]`));
  const byId = new Map(regions.map((r) => [r.id, r]));
  const ids = new Set<string>();
  const instances = seed.instances.map((entry: unknown, i) => {
    const at = `${where}: instances[${i}]`;
    const instance = entry as Partial<Record<keyof Instance, unknown>> | null;
    if (typeof instance?.id !== 'string' || instance.id === '') throw new Error(`${at} needs an id`);
    const region = byId.get(String(instance.region));
    const fault = (what: string) => new Error(`${at} (${instance.id}) ${what}`);
    if (ids.has(instance.id)) throw fault('repeats an id');
    ids.add(instance.id);
    if (region === undefined) throw fault(`names unknown region ${instance.region}`);
    if (!region.zones.includes(String(instance.zone))) throw fault(`names unknown zone ${instance.zone}`);
    if (instance.cluster !== undefined && !region.clusters.includes(String(instance.cluster)))
      throw fault(`names unknown cluster ${instance.cluster}`);
    if (typeof instance.status !== 'string' || !Object.hasOwn(STATUSES, instance.status))
      throw fault(`has status ${instance.status}, not one of ${Object.keys(STATUSES).join(', ')}`);
    return instance as unknown as Instance;
  });
  return { regions, instances };
}

function checkRegion(value: unknown, at: string): Region {
  const r = value as { id?: unknown; zones?: unknown; clusters?: unknown } | null;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof r?.id !== 'string' || !strings(r.zones) || (r.clusters !== undefined && !strings(r.clusters)))
    throw new Error(`${at} needs an id, a list of zones and optionally a list of clusters`);
  return { id: r.id, zones: r.zones as string[], clusters: (r.clusters as string[] | undefined) ?? [] };
}
