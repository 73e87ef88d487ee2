// The services a server answers for, as their generated packages describe them (the `conformanceFacts`
// each package exports): actions routed by name and `Version`, errors by code, state by product.
// Nothing here knows a product; several specs are served side by side.
import { type ActionFacts, type ConformanceFacts, documentedErrors } from '../templates/conformance/types.ts';
import type { ErrorDescriptor } from '../templates/runtime/descriptors.ts';
import type { ActionPlan } from './actions/plan.ts';
import { checkSeedStates, type Seed } from './state/seed.ts';
import { ResourceStore } from './state/store.ts';

/** What a generated package exports for conformance: all a server needs to serve its spec. */
export type ServiceFacts = ConformanceFacts;

export interface Served {
  readonly facts: ServiceFacts;
  readonly store: ResourceStore;
  /** Parameter name → the examples the service's actions give for a parameter of that name. */
  readonly examples: ReadonlyMap<string, readonly unknown[]>;
  /** What answering each action needs that its facts fix, by action name, made on its first call
   * (server/actions/plan.ts); among it the items of listed resources, which the store's resources
   * bound. */
  readonly plans: Map<string, ActionPlan>;
}

export interface Route {
  readonly served: Served;
  readonly action: ActionFacts;
}

export class ServiceTable {
  readonly services: readonly Served[];
  /** Action name → API version → where it is served. */
  readonly #routes = new Map<string, Map<string, Route>>();

  constructor(services: readonly ServiceFacts[], seeds: readonly Seed[], settleAfterReads: number) {
    if (services.length === 0) throw new Error('startServer needs at least one service to serve');
    for (const seed of seeds) {
      const facts = services.find((s) => s.service.product === seed.product);
      if (facts === undefined) throw new Error(`seed of ${seed.product}: no such product is served`);
      checkSeedStates(seed, facts.resources);
    }
    this.services = services.map((facts) => ({
      facts,
      store: new ResourceStore(
        seeds.find((s) => s.product === facts.service.product),
        settleAfterReads,
      ),
      examples: examplesByName(facts),
      plans: new Map(),
    }));
    for (const served of this.services) {
      for (const action of served.facts.actions) this.#add(served, action);
    }
  }

  #add(served: Served, action: ActionFacts): void {
    const { name } = action.descriptor;
    const version = served.facts.service.apiVersion;
    const versions = this.#routes.get(name) ?? new Map<string, Route>();
    const taken = versions.get(version);
    if (taken !== undefined)
      throw new Error(
        `${name} ${version} is served by both ${taken.served.facts.service.product} and ${served.facts.service.product}`,
      );
    versions.set(version, { served, action });
    this.#routes.set(name, versions);
  }

  /** Where the action is served, by API version; undefined for an action no service has. */
  versionsOf(name: string): ReadonlyMap<string, Route> | undefined {
    return this.#routes.get(name);
  }

  /** A code's status and message: from the service answering, else the first service documenting it. */
  error(code: string, served?: Served): { known?: ErrorDescriptor; message?: string; product: string } {
    const owner =
      served !== undefined && Object.hasOwn(documentedErrors(served.facts), code)
        ? served
        : (this.services.find((s) => Object.hasOwn(documentedErrors(s.facts), code)) ??
          served ??
          this.services[0]!);
    const { service, errorMessages } = owner.facts;
    const errors = documentedErrors(owner.facts);
    return {
      ...(Object.hasOwn(errors, code) ? { known: errors[code] } : {}),
      ...(Object.hasOwn(errorMessages, code) ? { message: errorMessages[code] } : {}),
      product: service.product,
    };
  }

  /** A service's timestamp window, in seconds. */
  windowSeconds(served: Served): number {
    return served.facts.service.protocol?.timestampWindowSeconds ?? 900;
  }

  /** The widest timestamp window of the services, for the nonce memory. */
  get widestWindowSeconds(): number {
    return Math.max(...this.services.map((s) => this.windowSeconds(s)));
  }
}

/** Built once per service: what a reference-like parameter may name beyond its own action's example. */
function examplesByName(facts: ServiceFacts): Map<string, unknown[]> {
  const examples = new Map<string, unknown[]>();
  for (const action of facts.actions)
    for (const p of action.params)
      if (p.example !== undefined) examples.set(p.name, [...(examples.get(p.name) ?? []), p.example]);
  return examples;
}
