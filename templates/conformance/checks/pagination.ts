// Pagination invariants on data the suite does not know: every page walked for several sizes gives
// no duplicate and no omission, the count equals TotalCount, pages are exact, order is stable.
import type { PaginationDescriptor } from '../../runtime/descriptors.js';
import { baseParams, expectSuccess, fail, isIdList, valueAt, wire } from '../assert.js';
import { send } from '../http.js';
import { changesState } from '../state.js';
import type { ActionFacts, Check, CheckContext } from '../types.js';

export function paginationChecks(action: ActionFacts): Check[] {
  const p = action.descriptor.pagination;
  if (p === undefined || changesState(action)) return [];
  const id = (name: string) => `pagination.${action.descriptor.name}.${name}`;
  const sizes = [...new Set([p.maxPageSize, p.defaultPageSize, 7])];
  const idParam = action.params.find(isIdList);
  const checks: Check[] = sizes.map((size) => ({
    id: id(`walk-${size}`),
    action: action.descriptor.name,
    title: `walking every page of ${size} gives each item once, TotalCount in all`,
    run: async (ctx) => void (await walk(ctx, action, p, size)),
  }));
  checks.push({
    id: id('sizes-agree'),
    action: action.descriptor.name,
    title: 'walks with different page sizes give the same items in the same order',
    run: async (ctx) => {
      const a = await walk(ctx, action, p, sizes[0]!);
      const b = await walk(ctx, action, p, 7);
      if (JSON.stringify(a) !== JSON.stringify(b)) fail('the order or the items depend on the page size');
      const again = await walk(ctx, action, p, sizes[0]!);
      if (JSON.stringify(a) !== JSON.stringify(again))
        fail('two walks of the same size disagree: the order is not stable');
    },
  });
  const filters = action.params.filter(
    (param) => !param.required && param.style === 'scalar' && param.schema.type === 'string',
  );
  for (const filter of filters) {
    checks.push({
      id: id(`filter-${filter.name}-within-all`),
      action: action.descriptor.name,
      title: `results filtered by ${filter.name} are part of the unfiltered results, and different values never overlap`,
      run: async (ctx) => {
        const given = ctx.target.values[filter.name];
        const values =
          given === undefined
            ? filter.example === undefined
              ? []
              : [String(filter.example)]
            : given.split(',');
        const all = new Set((await walk(ctx, action, p, p.maxPageSize)).map((item) => JSON.stringify(item)));
        const seen = new Set<string>();
        for (const value of values) {
          for (const item of await walk(ctx, action, p, p.maxPageSize, { [filter.name]: value })) {
            const key = JSON.stringify(item);
            if (!all.has(key))
              fail(`${filter.name}=${value} returned ${key}, which the unfiltered results do not have`);
            if (seen.has(key)) fail(`${key} is returned for two different values of ${filter.name}`);
            seen.add(key);
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
        const all = (await walk(ctx, action, p, p.maxPageSize)).map((item) =>
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
  return checks;
}

function items(page: unknown, p: PaginationDescriptor): unknown[] {
  const list = valueAt(page, p.itemsPath);
  return Array.isArray(list) ? list : [];
}

/** Walks every page, checking each; returns the items in order. */
async function walk(
  ctx: CheckContext,
  action: ActionFacts,
  p: PaginationDescriptor,
  size: number,
  extra: Record<string, unknown> = {},
): Promise<unknown[]> {
  const keys: string[] = [];
  const all: unknown[] = [];
  let total: number | undefined;
  for (let number = 1; number <= 10_000; number++) {
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
    if (page[p.pageNumberParam] !== number || page[p.pageSizeParam] !== size)
      fail(`page ${number} of ${size} echoed ${page[p.pageNumberParam]}/${page[p.pageSizeParam]}`, exchange);
    const remaining = total - keys.length;
    const expected = Math.max(0, Math.min(size, remaining));
    if (list.length !== expected)
      fail(
        `page ${number} of ${size} has ${list.length} items; with ${remaining} left it should have ${expected}`,
        exchange,
      );
    if (list.length === 0) break;
    for (const item of list) {
      const key = JSON.stringify(item);
      if (keys.includes(key)) fail(`page ${number} of ${size} repeats ${key}`, exchange);
      keys.push(key);
      all.push(item);
    }
  }
  if (keys.length !== total) fail(`walked ${keys.length} items, TotalCount says ${total}`);
  return all;
}
