// What answering an action needs that its facts and its service fix, worked out on the action's first
// call and kept by the service (`Served.plans`): the per-request path only looks things up.
import type { ActionFacts } from '../../templates/conformance/types.ts';
import type { Served } from '../services.ts';
import type { Resource } from '../state/store.ts';
import { pageParams } from '../synth/paginate.ts';
import type { Schema } from '../synth/synthesise.ts';

export interface ActionPlan {
  /** Parameters the action requires (an optional one sent empty is as if not sent). */
  readonly required: ReadonlySet<string>;
  /** The parameters that choose the page (server/synth/paginate.ts). */
  readonly pageParams: readonly string[];
  /** The success body's schema, by reference to the service's schemas. */
  readonly responseSchema: Schema;
  /** The dotted path of the list the answer fills from the state model or a page of made-up items
   * (server/actions/answer.ts), which the body's synthesis leaves to it. */
  readonly listPath: string | undefined;
  /**
   * For each parameter that names something (the action answers `Invalid<Name>.NotFound` for a
   * value it does not know), the values the server knows, as text; any other parameter is absent.
   */
  readonly known: ReadonlyMap<string, readonly string[]>;
  /** A listed resource's made-up item (server/actions/listing.ts), made on its first listing. */
  readonly listed: Map<Resource, Readonly<Record<string, unknown>>>;
  /** The resources a listing's filter set selects, by the set as JSON (server/actions/listing.ts). */
  readonly matches: Map<string, readonly Resource[]>;
  /** The last bodies synthesised, frozen, by their seed (server/actions/body.ts). */
  readonly bodies: Map<string, unknown>;
  /** The paths an answer writes into its body after synthesis (the list, the total, the next token),
   * besides its top-level fields: the objects along them are copied, not shared with the kept body. */
  readonly writtenPaths: readonly (readonly string[])[];
}

export function planOf(served: Served, action: ActionFacts): ActionPlan {
  const name = action.descriptor.name;
  const known = served.plans.get(name);
  if (known !== undefined) return known;
  const plan: ActionPlan = {
    required: new Set(action.params.filter((p) => p.required).map((p) => p.name)),
    pageParams: pageParams(action.descriptor.pagination),
    responseSchema: { $ref: `#/$defs/${action.response.schema}` },
    listPath: (action.lists?.itemsPath ?? action.descriptor.pagination?.itemsPath)?.join('.'),
    known: knownValues(served, action),
    listed: new Map(),
    matches: new Map(),
    bodies: new Map(),
    writtenPaths: writtenPaths(action),
  };
  served.plans.set(name, plan);
  return plan;
}

function writtenPaths(action: ActionFacts): (readonly string[])[] {
  const paths: (readonly string[] | undefined)[] = [action.lists?.itemsPath];
  const pagination = action.descriptor.pagination;
  if (pagination !== undefined) {
    paths.push(pagination.itemsPath, pagination.totalCountPath);
    if (pagination.style === 'token') paths.push(pagination.nextTokenPath);
  }
  return paths.filter((p) => p !== undefined);
}

/** Beyond the seed, the server knows only the values the spec gives: enum, example, default, the
 * values its cases use, and the examples the service's other actions give for a parameter of that
 * name (a name means one thing across a product's actions). */
function knownValues(served: Served, action: ActionFacts): Map<string, readonly string[]> {
  const values = new Map<string, readonly string[]>();
  const seen = new Set<string>();
  for (const p of action.params) {
    // The first parameter of a name is the one a lookup by name finds.
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    if (p.name === action.transition?.idParam) continue;
    if (!action.errors.includes(`Invalid${p.name}.NotFound`)) continue;
    const known = [
      ...((p.schema.enum as unknown[] | undefined) ?? []),
      p.example,
      p.schema.default,
      ...action.cases.map((c) => c.request[p.name]),
      ...(served.examples.get(p.name) ?? []),
    ];
    values.set(p.name, [
      ...new Set(known.filter((k) => k !== undefined && typeof k !== 'object').map(String)),
    ]);
  }
  return values;
}
