// Pagination invariants on data the suite does not know: every page walked for several sizes gives
// no duplicate and no omission, the count equals TotalCount, pages are exact, order is stable. Token
// pagination: the walk follows the tokens to the end, pages are never larger than asked, a total the
// response gives is the number of items walked, and a token the server never handed out is refused.
import type {
  PageNumberPagination,
  PaginationDescriptor,
  TokenPagination,
} from '../../runtime/descriptors.js';
import {
  answers,
  baseParams,
  escapeRegExp,
  expectError,
  expectSuccess,
  fail,
  idListFor,
  isFreeInput,
  itemFields,
  refuses,
  regionParam,
  valueAt,
  wire,
} from '../assert.js';
import { send } from '../http.js';
import { changesState } from '../state.js';
import {
  type ActionFacts,
  type Check,
  type CheckContext,
  CheckSkipped,
  type ConformanceFacts,
  type ParamFacts,
} from '../types.js';

export function paginationChecks(facts: ConformanceFacts, action: ActionFacts): Check[] {
  const p = action.descriptor.pagination;
  if (p === undefined || changesState(action)) return [];
  const id = (name: string) => `pagination.${action.descriptor.name}.${name}`;
  // A small odd size, so pages end mid-list; never below the page size the spec allows.
  const minimum = action.params.find((x) => x.name === p.pageSizeParam)?.schema.minimum;
  const small = Math.min(p.maxPageSize, Math.max(7, typeof minimum === 'number' ? minimum : 1));
  const sizes = [...new Set([p.maxPageSize, p.defaultPageSize, small])];
  const idParam = idListFor(action, p.itemsPath);
  const checks: Check[] = sizes.map((size) => ({
    id: id(`walk-${size}`),
    action: action.descriptor.name,
    title: `walking every page of ${size} gives each item once, TotalCount in all`,
    run: async (ctx) =>
      void (await (size === p.maxPageSize ? walkOnce(ctx, action, p) : walk(ctx, action, p, size))),
  }));
  checks.push({
    id: id('sizes-agree'),
    action: action.descriptor.name,
    title: 'walks with different page sizes give the same items in the same order',
    run: async (ctx) => {
      const a = await walk(ctx, action, p, sizes[0]!);
      const b = await walk(ctx, action, p, small);
      if (JSON.stringify(a) !== JSON.stringify(b)) fail('the order or the items depend on the page size');
      const again = await walk(ctx, action, p, sizes[0]!);
      if (JSON.stringify(a) !== JSON.stringify(again))
        fail('two walks of the same size disagree: the order is not stable');
    },
  });
  // A filter, by the convention of Alibaba's APIs: an optional text parameter named like a field of
  // the items (`Status`, `ZoneId`); other parameters change the answer in ways the spec does not say.
  // A list of modelled resources (`lists` in the spec) is filtered by any of their attributes.
  const fields = itemFields(action, p.itemsPath);
  const filters = action.params.filter(
    (param) =>
      !param.required &&
      param.style === 'scalar' &&
      param.schema.type === 'string' &&
      (action.lists !== undefined || fields.includes(param.name)) &&
      isFreeInput(action, param),
  );
  for (const filter of filters) {
    checks.push({
      id: id(`filter-${filter.name}-within-all`),
      action: action.descriptor.name,
      title: `filtering by ${filter.name} returns exactly the unfiltered items that match, and different values never overlap`,
      run: async (ctx) => {
        const unfiltered = await walkOnce(ctx, action, p);
        const all = new Set(unfiltered.map((item) => JSON.stringify(item)));
        const values = filterValues(ctx.target.values[filter.name], unfiltered, action, filter);
        const seen = new Set<string>();
        for (const value of values) {
          const filtered = await walkOnce(ctx, action, p, { [filter.name]: value });
          for (const item of filtered) {
            const key = JSON.stringify(item);
            if (!all.has(key))
              fail(`${filter.name}=${value} returned ${key}, which the unfiltered results do not have`);
            if (seen.has(key)) fail(`${key} is returned for two different values of ${filter.name}`);
            const field = (item as Record<string, unknown> | null)?.[filter.name];
            if (typeof field === 'string' && field !== value)
              fail(
                `${filter.name}=${value} returned an item whose ${filter.name} is ${JSON.stringify(field)}`,
              );
            seen.add(key);
          }
          // Items that name the value are all of them: a filter drops nothing that matches.
          const keys = new Set(filtered.map((item) => JSON.stringify(item)));
          const missed = unfiltered.find(
            (item) => fieldOf(item, filter.name) === value && !keys.has(JSON.stringify(item)),
          );
          if (missed !== undefined)
            fail(`${filter.name}=${value} left out ${JSON.stringify(missed)}, which matches it`);
        }
      },
    });
    checks.push({
      id: id(`filter-${filter.name}-empty`),
      action: action.descriptor.name,
      title: `${filter.name} sent empty is refused naming it, or filters nothing out`,
      run: async (ctx) => {
        const params = { ...baseParams(ctx, action), [filter.name]: '', [p.pageSizeParam]: p.maxPageSize };
        const exchange = await send(ctx, { action: action.descriptor.name, params: wire(action, params) });
        if (refuses(action, filter.name, '')) {
          expectError(ctx, exchange, 'InvalidParameter', new RegExp(escapeRegExp(filter.name)));
          return;
        }
        expectSuccess(action, exchange);
        const unfiltered = await walkOnce(ctx, action, p);
        const emptied = await walk(ctx, action, p, p.maxPageSize, { [filter.name]: '' });
        if (JSON.stringify(emptied) !== JSON.stringify(unfiltered))
          fail(
            `${filter.name}='' returned ${emptied.length} items, the unfiltered walk ${unfiltered.length}`,
          );
      },
    });
  }
  if (filters.length >= 2) {
    const [a, b] = filters as [ParamFacts, ParamFacts];
    checks.push({
      id: id(`filters-${a.name}-and-${b.name}`),
      action: action.descriptor.name,
      title: `${a.name} and ${b.name} together return the intersection of each alone`,
      run: async (ctx) => {
        const unfiltered = await walkOnce(ctx, action, p);
        // Values an item holds together, so the intersection has something in it when it can.
        const va = filterValues(ctx.target.values[a.name], unfiltered, action, a)[0];
        const holder = unfiltered.find((item) => fieldOf(item, a.name) === va);
        const vb =
          fieldOf(holder, b.name) ?? filterValues(ctx.target.values[b.name], unfiltered, action, b)[0];
        if (va === undefined || vb === undefined)
          throw new CheckSkipped(`no value of ${a.name} or ${b.name} is known: pass --value`);
        const onlyA = await walkOnce(ctx, action, p, { [a.name]: va });
        const onlyB = new Set(
          (await walkOnce(ctx, action, p, { [b.name]: vb })).map((i) => JSON.stringify(i)),
        );
        const both = await walk(ctx, action, p, p.maxPageSize, { [a.name]: va, [b.name]: vb });
        const want = onlyA.filter((item) => onlyB.has(JSON.stringify(item)));
        if (JSON.stringify(both) !== JSON.stringify(want))
          fail(
            `${a.name}=${va} and ${b.name}=${vb} returned ${both.length} items; the intersection of each alone has ${want.length}`,
          );
      },
    });
  }
  // A listing of the spec's modelled resources (`lists`): regional, each resource in one region.
  const region = regionParam(facts);
  const lists = action.lists;
  if (region !== undefined && lists !== undefined && action.params.some((x) => x.name === region)) {
    checks.push({
      id: id('region-scoped'),
      action: action.descriptor.name,
      title: `each ${region} given answers with its own items: none under two, none naming another`,
      run: async (ctx) => {
        const regions = (ctx.target.values[region] ?? '').split(',').filter(Boolean);
        if (regions.length < 2)
          throw new CheckSkipped(`one ${region} is known: pass --value ${region}=a,b to compare two`);
        const owner = new Map<string, string>();
        for (const asked of regions) {
          for (const item of await walk(ctx, action, p, p.maxPageSize, { [region]: asked })) {
            const named = fieldOf(item, region);
            if (named !== undefined && named !== asked)
              fail(`${region}=${asked} returned an item of ${named}: ${JSON.stringify(item)}`);
            // A resource lives in one region: the same id under two means the region was ignored.
            const id = fieldOf(item, lists.idField);
            if (id !== undefined && owner.has(id) && owner.get(id) !== asked)
              fail(`${lists.idField} ${id} is listed under ${region} ${owner.get(id)} and ${asked}`);
            if (id !== undefined) owner.set(id, asked);
          }
        }
      },
    });
  }
  if (idParam !== undefined) {
    checks.push({
      id: id('subset'),
      action: action.descriptor.name,
      title: `${idParam.name}.N returns exactly the intersection`,
      run: async (ctx) => {
        const all = (await walkOnce(ctx, action, p)).map((item) =>
          String((item as Record<string, unknown>)[idParam.name]),
        );
        const picked = [all[0], all[Math.floor(all.length / 2)], all[all.length - 1]].filter(
          (x): x is string => x !== undefined,
        );
        const ask = [...new Set(picked)].concat(['conformance-absent-id']);
        const params = { ...baseParams(ctx, action), [idParam.name]: ask, [p.pageSizeParam]: p.maxPageSize };
        const page = expectSuccess(
          action,
          await send(ctx, { action: action.descriptor.name, params: wire(action, params) }),
        );
        const got = items(page, p).map((item) => String((item as Record<string, unknown>)[idParam.name]));
        const want = all.filter((x) => ask.includes(x));
        if (JSON.stringify(got) !== JSON.stringify(want))
          fail(`asked for ${ask.join(', ')}: got ${got.join(', ')}, want ${want.join(', ')}`);
      },
    });
  }
  if (p.style === 'token') {
    checks.push({
      id: id('foreign-token'),
      action: action.descriptor.name,
      title: `a ${p.tokenParam} the server never handed out is refused with a 4xx error`,
      run: async (ctx) => {
        const params = { ...baseParams(ctx, action), [p.tokenParam]: 'conformance-never-handed-out' };
        const exchange = await send(ctx, { action: action.descriptor.name, params: wire(action, params) });
        if (exchange.status < 400 || exchange.status >= 500 || typeof exchange.body?.Code !== 'string')
          fail(`expected a 4xx error envelope, got HTTP ${exchange.status}`, exchange);
      },
    });
  }
  return checks;
}

/** An item's field as text, where it has one. */
function fieldOf(item: unknown, name: string): string | undefined {
  const value = (item as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

function items(page: unknown, p: PaginationDescriptor): unknown[] {
  const list = valueAt(page, p.itemsPath);
  return Array.isArray(list) ? list : [];
}

/** A walk at the largest page size that several checks of one run compare against, made once (its
 * pages checked as any walk's). Checks of a walk's own stability walk afresh. */
function walkOnce(
  ctx: CheckContext,
  action: ActionFacts,
  p: PaginationDescriptor,
  extra: Record<string, unknown> = {},
): Promise<unknown[]> {
  const key = `walk ${action.descriptor.name} ${JSON.stringify(extra)}`;
  let walked = ctx.memo.get(key) as Promise<unknown[]> | undefined;
  if (walked === undefined) {
    walked = walk(ctx, action, p, p.maxPageSize, extra);
    ctx.memo.set(key, walked);
  }
  return walked;
}

/** Walks every page, checking each; returns the items in order. */
function walk(
  ctx: CheckContext,
  action: ActionFacts,
  p: PaginationDescriptor,
  size: number,
  extra: Record<string, unknown> = {},
): Promise<unknown[]> {
  return p.style === 'token'
    ? walkTokens(ctx, action, p, size, extra)
    : walkNumbers(ctx, action, p, size, extra);
}

async function walkNumbers(
  ctx: CheckContext,
  action: ActionFacts,
  p: PageNumberPagination,
  size: number,
  extra: Record<string, unknown>,
): Promise<unknown[]> {
  const keys = new Set<string>();
  const all: unknown[] = [];
  let total: number | undefined;
  for (let number = 1; number <= MAX_PAGES; number++) {
    const params = {
      ...baseParams(ctx, action),
      ...extra,
      [p.pageNumberParam]: number,
      [p.pageSizeParam]: size,
    };
    const exchange = await send(ctx, { action: action.descriptor.name, params: wire(action, params) });
    const page = expectSuccess(action, exchange);
    const count = valueAt(page, p.totalCountPath) as number;
    const list = items(page, p);
    if (total !== undefined && count !== total)
      fail(`TotalCount changed from ${total} to ${count} on page ${number}`, exchange);
    total = count;
    // The page number and size, where the response has fields for them, are the ones asked for.
    const echoed = [
      [p.pageNumberParam, number],
      [p.pageSizeParam, size],
    ] as const;
    for (const [field, want] of echoed)
      if (answers(action, field) && page[field] !== want)
        fail(`page ${number} of ${size} echoed ${field} ${page[field]}`, exchange);
    const remaining = total - keys.size;
    const expected = Math.max(0, Math.min(size, remaining));
    if (list.length !== expected)
      fail(
        `page ${number} of ${size} has ${list.length} items; with ${remaining} left it should have ${expected}`,
        exchange,
      );
    if (list.length === 0) break;
    collect(list, keys, all, `page ${number} of ${size}`, exchange);
  }
  if (keys.size !== total) fail(`walked ${keys.size} items, TotalCount says ${total}`);
  return all;
}

async function walkTokens(
  ctx: CheckContext,
  action: ActionFacts,
  p: TokenPagination,
  size: number,
  extra: Record<string, unknown>,
): Promise<unknown[]> {
  const keys = new Set<string>();
  const tokens = new Set<string>();
  const all: unknown[] = [];
  let token = '';
  for (let number = 1; ; number++) {
    if (number > MAX_PAGES) fail(`still handing back tokens after ${MAX_PAGES} pages of ${size}`);
    const params = {
      ...baseParams(ctx, action),
      ...extra,
      ...(token === '' ? {} : { [p.tokenParam]: token }),
      [p.pageSizeParam]: size,
    };
    const exchange = await send(ctx, { action: action.descriptor.name, params: wire(action, params) });
    const page = expectSuccess(action, exchange);
    const list = items(page, p);
    if (list.length > size) fail(`page ${number} of ${size} has ${list.length} items`, exchange);
    // The last page has no token: one that leads to an empty page was handed out for nothing.
    if (number > 1 && list.length === 0)
      fail(`page ${number} of ${size} is empty: the token of page ${number - 1} led nowhere`, exchange);
    collect(list, keys, all, `page ${number} of ${size}`, exchange);
    const next = valueAt(page, p.nextTokenPath);
    const total = p.totalCountPath === undefined ? undefined : valueAt(page, p.totalCountPath);
    if (typeof next !== 'string' || next === '') {
      if (typeof total === 'number' && total !== keys.size)
        fail(`walked ${keys.size} items, TotalCount says ${total}`, exchange);
      return all;
    }
    if (list.length === 0) fail(`page ${number} of ${size} is empty yet hands back a token`, exchange);
    if (tokens.has(next)) fail(`the token ${next} was handed back twice: the walk would never end`, exchange);
    tokens.add(next);
    token = next;
  }
}

/** However many pages the server claims, no walk reads more than this. */
const MAX_PAGES = 10_000;

function collect(
  list: readonly unknown[],
  keys: Set<string>,
  all: unknown[],
  where: string,
  exchange: Parameters<typeof fail>[1],
): void {
  for (const item of list) {
    const key = JSON.stringify(item);
    if (keys.has(key)) fail(`${where} repeats ${key}`, exchange);
    keys.add(key);
    all.push(item);
  }
}

/** How many values of a filter the check tries when it learns them from the results. */
const LEARNT_FILTER_VALUES = 3;

/**
 * The values to filter by: those given (`--value Name=a,b`), and up to three more the unfiltered
 * results hold in the item field of the filter's name that the parameter's own schema admits (a
 * server must accept a value it just returned); the spec's example when that makes none.
 */
function filterValues(
  given: string | undefined,
  unfiltered: readonly unknown[],
  action: ActionFacts,
  filter: ParamFacts,
): string[] {
  const values = new Set(given === undefined ? [] : given.split(','));
  const admitted = (value: string) => !refuses(action, filter.name, value);
  let learnt = 0;
  for (const item of unfiltered) {
    if (learnt === LEARNT_FILTER_VALUES) break;
    const value = (item as Record<string, unknown> | null)?.[filter.name];
    if (typeof value === 'string' && value !== '' && !values.has(value) && admitted(value)) {
      values.add(value);
      learnt++;
    }
  }
  if (values.size === 0 && filter.example !== undefined) values.add(String(filter.example));
  return [...values];
}
