// Page and item iterators over a scripted client: which pages are asked for, when iteration stops,
// and the limit that stops a server whose pages never add up to its TotalCount.
import { describe, expect, it } from 'vitest';
import type { CallOptions, RpcClient } from '../../../templates/runtime/client.ts';
import type { ActionDescriptor } from '../../../templates/runtime/descriptors.ts';
import { AcsError } from '../../../templates/runtime/errors.ts';
import { MAX_PAGES, paginateItems, paginatePages } from '../../../templates/runtime/paginate.ts';
import { createThingAction, describeThingsAction } from '../../support/widgets-service.ts';

type Page = { TotalCount?: unknown; Things?: { Thing?: unknown } };

/** A client whose invoke answers from `pageFor(params)` and records every call. */
function fakeClient(pageFor: (params: Record<string, unknown>) => Page) {
  const calls: { action: ActionDescriptor; params: Record<string, unknown>; options: CallOptions }[] = [];
  const client = {
    invoke: async (action: ActionDescriptor, params: Record<string, unknown>, options: CallOptions) => {
      calls.push({ action, params, options });
      return pageFor(params);
    },
  } as unknown as RpcClient;
  return { client, calls };
}

/** `total` items served `PageSize` at a time, numbered from 1. */
function serving(total: number, claimed = total) {
  return (params: Record<string, unknown>): Page => {
    const size = params.PageSize as number;
    const start = ((params.PageNumber as number) - 1) * size;
    const ids = Array.from(
      { length: Math.max(0, Math.min(size, total - start)) },
      (_, i) => `t-${start + i + 1}`,
    );
    return { TotalCount: claimed, Things: { Thing: ids.map((ThingId) => ({ ThingId })) } };
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginatePages', () => {
  it.each<[string, { total: number; params: Record<string, unknown>; pages: [number, number][] }]>([
    ['5 items at the default page size (10)', { total: 5, params: { RegionId: 'r' }, pages: [[1, 10]] }],
    ['exactly one full page', { total: 10, params: { RegionId: 'r' }, pages: [[1, 10]] }],
    [
      'one more than a page',
      {
        total: 11,
        params: { RegionId: 'r' },
        pages: [
          [1, 10],
          [2, 10],
        ],
      },
    ],
    [
      'the caller page size',
      {
        total: 7,
        params: { RegionId: 'r', PageSize: 3 },
        pages: [
          [1, 3],
          [2, 3],
          [3, 3],
        ],
      },
    ],
    [
      'from the caller page number',
      {
        total: 7,
        params: { RegionId: 'r', PageSize: 3, PageNumber: 2 },
        pages: [
          [2, 3],
          [3, 3],
        ],
      },
    ],
    ['no items at all', { total: 0, params: { RegionId: 'r' }, pages: [[1, 10]] }],
  ])('%s', async (_name, { total, params, pages }) => {
    const { client, calls } = fakeClient(serving(total));
    const options = { timeoutMs: 5 };
    await collect(paginatePages(client, describeThingsAction, params, options));
    expect(calls.map((c) => [c.params.PageNumber, c.params.PageSize])).toEqual(pages);
    expect(calls.every((c) => c.params.RegionId === 'r' && c.options === options)).toBe(true);
    expect(calls.every((c) => c.action === describeThingsAction)).toBe(true);
  });

  it('stops without a numeric TotalCount after the first page', async () => {
    const { client, calls } = fakeClient(() => ({ TotalCount: '30', Things: { Thing: [{}, {}] } }));
    await collect(paginatePages(client, describeThingsAction, { PageSize: 2 }));
    expect(calls).toHaveLength(1);
  });

  it('stops at an empty page even when TotalCount says more', async () => {
    const { client, calls } = fakeClient(serving(3, 100));
    const pages = await collect(paginatePages(client, describeThingsAction, { PageSize: 2 }));
    expect(calls).toHaveLength(3);
    expect(pages).toHaveLength(3);
  });

  it('treats a single item that is not a list as no items', async () => {
    const { client, calls } = fakeClient(() => ({ TotalCount: 5, Things: { Thing: { ThingId: 'x' } } }));
    await collect(paginatePages(client, describeThingsAction, {}));
    expect(calls).toHaveLength(1);
  });

  it('allows one page more than TotalCount promised, for a count that grows, then refuses', async () => {
    // The first page promises 4 items (2 pages); later pages claim ever more.
    const { client, calls } = fakeClient((p) => ({
      TotalCount: p.PageNumber === 1 ? 4 : 1000,
      Things: { Thing: [{}, {}] },
    }));
    const pages: unknown[] = [];
    const error = await (async () => {
      for await (const page of paginatePages(client, describeThingsAction, { PageSize: 2 })) pages.push(page);
    })().catch((e: unknown) => e);
    expect(calls).toHaveLength(3);
    expect(pages).toHaveLength(3);
    expect(error).toMatchObject({
      code: 'Client.PaginationLimit',
      message: "DescribeThings: stopped after 3 pages; the server's pages do not add up to its TotalCount.",
    });
  });

  it('counts the limit from the first page asked for', async () => {
    const { client, calls } = fakeClient((p) => ({
      TotalCount: p.PageNumber === 2 ? 6 : 1000,
      Things: { Thing: [{}, {}] },
    }));
    const error = await collect(
      paginatePages(client, describeThingsAction, { PageSize: 2, PageNumber: 2 }),
    ).catch((e: unknown) => e);
    expect(calls.map((c) => c.params.PageNumber)).toEqual([2, 3, 4]);
    expect(error).toMatchObject({ code: 'Client.PaginationLimit' });
  });

  it('caps even a huge TotalCount at MAX_PAGES', () => {
    expect(MAX_PAGES).toBe(10_000);
  });

  it('refuses an action without pagination', async () => {
    const { client } = fakeClient(serving(1));
    const want = { code: 'Client.NotPaginated', message: 'CreateThing is not paginated.' };
    const pages = await collect(paginatePages(client, createThingAction, {})).catch((e: unknown) => e);
    const items = await collect(paginateItems(client, createThingAction, {})).catch((e: unknown) => e);
    for (const error of [pages, items]) {
      expect(error).toBeInstanceOf(AcsError);
      expect(error).toMatchObject(want);
    }
  });
});

describe('paginateItems', () => {
  it('yields every item of every page, in order', async () => {
    const { client } = fakeClient(serving(5));
    const items = await collect(paginateItems(client, describeThingsAction, { PageSize: 2 }));
    expect(items).toEqual(['t-1', 't-2', 't-3', 't-4', 't-5'].map((ThingId) => ({ ThingId })));
  });
});

describe('token pagination', () => {
  const listThings: ActionDescriptor = {
    ...describeThingsAction,
    name: 'ListThings',
    pagination: {
      style: 'token',
      tokenParam: 'NextToken',
      pageSizeParam: 'MaxResults',
      nextTokenPath: ['NextToken'],
      itemsPath: ['Things', 'Thing'],
      defaultPageSize: 5,
      maxPageSize: 20,
    },
  };
  /** `total` items, `MaxResults` at a time; the token is the offset of the next item. */
  const byToken =
    (total: number) =>
    (params: Record<string, unknown>): Page & { NextToken?: string } => {
      const start = params.NextToken === undefined ? 0 : Number(params.NextToken);
      const end = Math.min(start + (params.MaxResults as number), total);
      const ids = Array.from({ length: end - start }, (_, i) => `t-${start + i + 1}`);
      return {
        Things: { Thing: ids.map((ThingId) => ({ ThingId })) },
        NextToken: end < total ? String(end) : '',
      };
    };

  it('follows the tokens from the first page to the one that hands back none, at the default size', async () => {
    const { client, calls } = fakeClient(byToken(12));
    const items = await collect(paginateItems(client, listThings, { RegionId: 'r' }));
    expect(items).toHaveLength(12);
    expect(calls.map((c) => [c.params.NextToken, c.params.MaxResults])).toEqual([
      [undefined, 5],
      ['5', 5],
      ['10', 5],
    ]);
  });

  it("starts from the caller's token and size", async () => {
    const { client, calls } = fakeClient(byToken(12));
    const items = await collect(paginateItems(client, listThings, { NextToken: '8', MaxResults: 3 }));
    expect(items).toEqual(['t-9', 't-10', 't-11', 't-12'].map((ThingId) => ({ ThingId })));
    expect(calls.map((c) => c.params.NextToken)).toEqual(['8', '11']);
  });

  it('stops when the token is missing or not a string', async () => {
    for (const NextToken of [undefined, 42, null]) {
      const { client, calls } = fakeClient(() => ({ Things: { Thing: [{}] }, NextToken }) as Page);
      await collect(paginatePages(client, listThings, {}));
      expect(calls).toHaveLength(1);
    }
  });

  it('refuses a server that hands back a token it handed back before', async () => {
    const { client, calls } = fakeClient((p) => ({
      Things: { Thing: [{}] },
      NextToken: p.NextToken === 'a' ? 'b' : 'a',
    }));
    const error = await collect(paginatePages(client, listThings, {})).catch((e: unknown) => e);
    expect(calls.map((c) => c.params.NextToken)).toEqual([undefined, 'a', 'b']);
    expect(error).toMatchObject({
      code: 'Client.PaginationLimit',
      message: 'ListThings: stopped after 3 pages; the server handed back the token "a" twice.',
    });
  });

  it('quotes at most 64 characters of a repeated token', async () => {
    const long = 'x'.repeat(100_000);
    const { client } = fakeClient(() => ({ Things: { Thing: [{}] }, NextToken: long }) as Page);
    const error = await collect(paginatePages(client, listThings, {})).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `ListThings: stopped after 2 pages; the server handed back the token "${'x'.repeat(63)}…" twice.`,
    );
  });

  it('refuses a server that hands back the token it was given', async () => {
    const { client, calls } = fakeClient(() => ({ Things: { Thing: [] }, NextToken: 'same' }) as Page);
    const error = await collect(paginatePages(client, listThings, { NextToken: 'same' })).catch(
      (e: unknown) => e,
    );
    expect(calls).toHaveLength(1);
    expect(error).toMatchObject({ code: 'Client.PaginationLimit' });
  });
});
