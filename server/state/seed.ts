// The seed file: regions with zones and clusters, and instances with their status (JSON or YAML).
import { readFile } from 'node:fs/promises';
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
  readonly status: string;
}

export interface Seed {
  readonly regions: readonly Region[];
  readonly instances: readonly Instance[];
}

export const DEFAULT_SEED = new URL('../seed.yaml', import.meta.url);

export async function loadSeed(file: string | URL = DEFAULT_SEED): Promise<Seed> {
  return checkSeed(parse(await readFile(file, 'utf8')), String(file));
}

/** Refuses a seed that contradicts itself, with the entry at fault named. */
export function checkSeed(value: unknown, where: string): Seed {
  const seed = value as Partial<Seed>;
  if (!Array.isArray(seed?.regions) || !Array.isArray(seed.instances)) {
    throw new Error(`${where}: a seed needs "regions" and "instances" lists`);
  }
  const regions = new Map(seed.regions.map((r) => [r.id, r]));
  seed.instances.forEach((instance, i) => {
    const region = regions.get(instance.region);
    if (region === undefined)
      throw new Error(`${where}: instances[${i}] (${instance.id}) names unknown region ${instance.region}`);
    if (!region.zones.includes(instance.zone))
      throw new Error(`${where}: instances[${i}] (${instance.id}) names unknown zone ${instance.zone}`);
    if (instance.cluster !== undefined && !region.clusters.includes(instance.cluster)) {
      throw new Error(`${where}: instances[${i}] (${instance.id}) names unknown cluster ${instance.cluster}`);
    }
  });
  return {
    regions: seed.regions.map((r) => ({ ...r, clusters: r.clusters ?? [] })),
    instances: seed.instances,
  };
}
