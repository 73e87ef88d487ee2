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
  /** The scopes' root key and every key within them. */
  readonly scopeKeys: ReadonlySet<string>;
  /** The keys within the scopes, in the order the scopes name them. */
  readonly withinKeys: readonly string[];
  readonly #kinds = new Map<string, Map<string, Resource>>();
  /** Each kind's resources in id order, and the attribute names they have: resources are never added
   * or removed, only their states change. */
  readonly #lists = new Map<string, readonly Resource[]>();
  readonly #attributes = new Map<string, ReadonlySet<string>>();
  readonly #settleAfterReads: number;

  constructor(seed: Seed | undefined, settleAfterReads: number) {
    this.scopes = seed?.scopes ?? [];
    this.scopeKeys = new Set(this.scopes.flatMap((s) => [s.key, ...Object.keys(s.within)]));
    this.withinKeys = [...new Set(this.scopes.flatMap((s) => Object.keys(s.within)))];
    this.#settleAfterReads = Math.max(1, settleAfterReads);
    for (const [kind, entries] of Object.entries(seed?.resources ?? {})) {
      const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.#kinds.set(
        kind,
        new Map(sorted.map((e) => [e.id, { ...e, attributes: { ...e.attributes }, pending: undefined }])),
      );
    }
    for (const [kind, resources] of this.#kinds) {
      const list = Object.freeze([...resources.values()]);
      this.#lists.set(kind, list);
      this.#attributes.set(kind, new Set(list.flatMap((r) => Object.keys(r.attributes))));
    }
  }

  get(kind: string, id: string): Resource | undefined {
    return this.#kinds.get(kind)?.get(id);
  }

  /** Every resource of a kind, in id order. */
  all(kind: string): readonly Resource[] {
    return this.#lists.get(kind) ?? [];
  }

  /** Whether some resource of a kind has an attribute of this name. */
  hasAttribute(kind: string, name: string): boolean {
    return this.#attributes.get(kind)?.has(name) ?? false;
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
