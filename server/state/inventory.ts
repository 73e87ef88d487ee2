// The in-memory inventory the actions read: instances in a stable order (by id) per region.
import type { Instance, Region, Seed } from './seed.ts';

export class Inventory {
  readonly #regions: ReadonlyMap<string, Region>;
  readonly #byRegion: ReadonlyMap<string, readonly Instance[]>;

  constructor(seed: Seed) {
    this.#regions = new Map(seed.regions.map((r) => [r.id, r]));
    const byRegion = new Map<string, Instance[]>();
    for (const instance of seed.instances)
      byRegion.set(instance.region, [...(byRegion.get(instance.region) ?? []), instance]);
    for (const list of byRegion.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.#byRegion = byRegion;
  }

  region(id: string): Region | undefined {
    return this.#regions.get(id);
  }

  instances(region: string): readonly Instance[] {
    return this.#byRegion.get(region) ?? [];
  }
}
