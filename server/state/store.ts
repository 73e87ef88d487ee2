// The resource store of one service: its seed's entries, in id order per resource, whose states the
// spec's transitions change. A transitional state (`via`) is shown by the next `settleAfterReads`
// reads of the resource (a list answer that carries it); after the last of them it becomes `to`.
// Counting reads, not time, keeps the lifecycle deterministic and observable (server/README.md).
import type { Scope, Seed } from './seed.ts';

export interface Resource {
  readonly id: string;
  readonly attributes: Readonly<Record<string, string>>;
  state: string;
  /** Set while in a transitional state started by an action. */
  pending: { readonly to: string; readsLeft: number } | undefined;
}

export class ResourceStore {
  readonly scopes: readonly Scope[];
  readonly #kinds = new Map<string, Map<string, Resource>>();
  readonly #settleAfterReads: number;

  constructor(seed: Seed | undefined, settleAfterReads: number) {
    this.scopes = seed?.scopes ?? [];
    this.#settleAfterReads = Math.max(1, settleAfterReads);
    for (const [kind, entries] of Object.entries(seed?.resources ?? {})) {
      const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.#kinds.set(
        kind,
        new Map(sorted.map((e) => [e.id, { ...e, attributes: { ...e.attributes }, pending: undefined }])),
      );
    }
  }

  get(kind: string, id: string): Resource | undefined {
    return this.#kinds.get(kind)?.get(id);
  }

  /** Every resource of a kind, in id order. */
  all(kind: string): readonly Resource[] {
    return [...(this.#kinds.get(kind)?.values() ?? [])];
  }

  /** Moves a resource: to `via` for the next reads, then `to`; straight to `to` without `via`. */
  move(resource: Resource, via: string | undefined, to: string): void {
    if (via === undefined) {
      resource.state = to;
      resource.pending = undefined;
      return;
    }
    resource.state = via;
    resource.pending = { to, readsLeft: this.#settleAfterReads };
  }

  /** The state a read shows now; counts the read toward settling a transitional state. */
  read(resource: Resource): string {
    const shown = resource.state;
    if (resource.pending !== undefined && --resource.pending.readsLeft <= 0) {
      resource.state = resource.pending.to;
      resource.pending = undefined;
    }
    return shown;
  }
}
