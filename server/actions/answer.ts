// An action's answer, from the spec alone: the state model where the action declares one (`transition`,
// `lists`), otherwise a body synthesised from the response schema and examples. No action has code of
// its own; a new spec or action is served as soon as its package is generated.
import { type ActionFacts, documentedErrors } from '../../templates/conformance/types.ts';
import { ServerError } from '../protocol/server-error.ts';
import type { Served } from '../services.ts';
import { pageOf, writeCounts } from '../synth/paginate.ts';
import { exampleAt, schemaAt, setPath } from '../synth/paths.ts';
import { hash, resolve, type Schema, type SynthContext, synthesise } from '../synth/synthesise.ts';
import { bodyFor } from './body.ts';
import { listResources } from './listing.ts';
import { planOf } from './plan.ts';
import { acceptedValues, checkScopes } from './scopes.ts';
import { applyTransition } from './transition.ts';

export interface Call {
  readonly served: Served;
  readonly action: ActionFacts;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The conventional dry-run switch: with the spec's `DryRunOperation` error, `DryRun=true` changes nothing. */
export const DRY_RUN = { param: 'DryRun', code: 'DryRunOperation' } as const;

export function answer(given: Call): Record<string, unknown> {
  const call = withoutEmptyText(given);
  checkScopes(call);
  if (call.action.transition !== undefined) applyTransition(call, call.action.transition, dryRun(call));
  else if (dryRun(call)) throw new ServerError(DRY_RUN.code);
  const plan = planOf(call.served, call.action);
  const seed = requestSeed(call, plan.pageParams);
  const body = bodyFor(plan, seed, () =>
    synthesise(
      { ...synthContext(call, seed), replaced: plan.listPath },
      plan.responseSchema,
      call.action.response.examples[0],
    ),
  );
  if (call.action.lists !== undefined) listResources(call, call.action.lists, body);
  else if (call.action.descriptor.pagination !== undefined) synthesisePage(call, body);
  echoParams(call, body);
  return body;
}

/** An optional text parameter sent empty is as if not sent: it filters nothing out and names nothing
 * (server/README.md). One the spec's constraints refuse empty never gets here (the validator refused
 * it). */
function withoutEmptyText(call: Call): Call {
  const { required } = planOf(call.served, call.action);
  const empty = Object.keys(call.params).filter((k) => call.params[k] === '' && !required.has(k));
  if (empty.length === 0) return call;
  const params = { ...call.params };
  for (const name of empty) delete params[name];
  return { ...call, params };
}

function dryRun(call: Call): boolean {
  return (
    call.params[DRY_RUN.param] === true && Object.hasOwn(documentedErrors(call.served.facts), DRY_RUN.code)
  );
}

function pageParams(call: Call): readonly string[] {
  return planOf(call.served, call.action).pageParams;
}

/** What a request's answer is made from: the product, the action and its parameters (sorted), minus
 * those left out (the page, so that every page of a list agrees on the rest). */
export function requestSeed(call: Call, leaveOut: readonly string[] = []): string {
  const params = Object.entries(call.params)
    .filter(([k]) => !leaveOut.includes(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([call.served.facts.service.product, call.action.descriptor.name, params]);
}

export function synthContext(call: Call, seed: string): SynthContext {
  return { schemas: call.served.facts.schemas, seed };
}

export function responseSchema(call: Call): Schema {
  return planOf(call.served, call.action).responseSchema;
}

/** The schema of one item of the list at `path` in the response. */
export function itemSchemaAt(call: Call, path: readonly string[]): Schema {
  return (schemaAt(call.served.facts.schemas, responseSchema(call), path)?.items ?? {}) as Schema;
}

/** A paginated action without state: a stable list of made-up items, each seeded by its position in
 * the whole list, so pages never overlap or skip and every page agrees on the total. A parameter named
 * like a field of the items filters them: the list is made without it, then only items whose field
 * equals its value (or, for a list of strings such as `ResourceId.N`, is one of its values) are kept,
 * so filtered results are always part of the unfiltered ones. */
function synthesisePage(call: Call, body: Record<string, unknown>): void {
  const pagination = call.action.descriptor.pagination!;
  const itemSchema = itemSchemaAt(call, pagination.itemsPath);
  const properties = (resolve(call.served.facts.schemas, itemSchema).properties ?? {}) as Record<
    string,
    Schema
  >;
  const fields = Object.keys(properties);
  const paging = pageParams(call);
  const filters = Object.entries(call.params).filter(
    ([name, value]) =>
      (typeof value === 'string' || isStringList(value)) && fields.includes(name) && !paging.includes(name),
  );
  const listSeed = requestSeed(call, [...paging, ...filters.map(([name]) => name)]);
  const size = hash(listSeed, '#total') % (3 * pagination.maxPageSize + 1);
  const example = exampleAt(call.action.response.examples[0], pagination.itemsPath);
  const given = (index: number): unknown => (Array.isArray(example) ? example[index] : undefined);
  // A text field named like a parameter the server checks (a region or zone of the seed's scopes, or a
  // value that names something) takes one of the values the server accepts, so the server never hands
  // out a value it would then refuse as not found. Worked out once per request.
  const accepted = new Map<string, readonly string[]>();
  for (const name of fields) {
    if (resolve(call.served.facts.schemas, properties[name]!).type !== 'string') continue;
    const values = acceptedValues(call, name);
    if (values !== undefined && values.length > 0) accepted.set(name, values);
  }
  const acceptedAt = (index: number, name: string): string | undefined => {
    const values = accepted.get(name);
    return values === undefined ? undefined : values[hash(`${listSeed}#${index}`, name) % values.length];
  };
  const itemAt = (index: number): unknown => {
    const item = synthesise(synthContext(call, `${listSeed}#${index}`), itemSchema, given(index));
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    for (const name of accepted.keys()) (item as Record<string, unknown>)[name] = acceptedAt(index, name);
    return item;
  };
  // Only the filtered fields of every item are needed to choose the page, and only the page's items
  // in full: a field's value is the one the whole item would have (same seed, same path).
  const fieldAt = (index: number, name: string): unknown => {
    const value = acceptedAt(index, name);
    if (value !== undefined) return value;
    const item = given(index);
    const example =
      item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[name] : undefined;
    return synthesise(synthContext(call, `${listSeed}#${index}`), properties[name]!, example, name);
  };
  const kept = Array.from({ length: size }, (_, index) => index).filter((index) =>
    filters.every(([name, value]) =>
      Array.isArray(value) ? value.includes(fieldAt(index, name)) : fieldAt(index, name) === value,
    ),
  );
  const page = pageOf(pagination, call.params, kept.length, call.action.errors);
  setPath(body, pagination.itemsPath, kept.slice(page.start, page.end).map(itemAt));
  writeCounts(body, pagination, page, kept.length);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
}

/** Top-level response fields named like a request parameter carry the value asked for. */
function echoParams(call: Call, body: Record<string, unknown>): void {
  const skip = pageParams(call);
  for (const [name, value] of Object.entries(call.params)) {
    if (skip.includes(name)) continue;
    if (
      Object.hasOwn(body, name) &&
      typeof value === typeof body[name] &&
      Array.isArray(value) === Array.isArray(body[name])
    )
      body[name] = value;
  }
}
