// Page and item iterators driven by the action's pagination binding. They stop on TotalCount or an
// empty page, and refuse to follow a server that never ends.
import type { CallOptions, RpcClient } from './client.js';
import type { ActionDescriptor, PaginationDescriptor } from './descriptors.js';
import { AcsError } from './errors.js';

/** However large TotalCount claims to be, no iteration fetches more pages than this. */
export const MAX_PAGES = 10_000;

export async function* paginatePages<Req, Res>(
  client: RpcClient,
  action: ActionDescriptor,
  params: Req,
  options: CallOptions = {},
): AsyncGenerator<Res, void, undefined> {
  const p = paginationOf(action);
  const base = params as Readonly<Record<string, unknown>>;
  const pageSize =
    typeof base[p.pageSizeParam] === 'number' ? (base[p.pageSizeParam] as number) : p.defaultPageSize;
  const first = typeof base[p.pageNumberParam] === 'number' ? (base[p.pageNumberParam] as number) : 1;
  let limit = MAX_PAGES;
  for (let page = first, fetched = 0; ; page++, fetched++) {
    if (fetched >= limit) throw endless(action, fetched);
    const response = await client.invoke<Req, Res>(
      action,
      { ...base, [p.pageNumberParam]: page, [p.pageSizeParam]: pageSize } as Req,
      options,
    );
    yield response;
    const items = itemsOf(response, p);
    const total = valueAt(response, p.totalCountPath);
    if (items.length === 0 || typeof total !== 'number') return;
    if ((page - 1) * pageSize + items.length >= total) return;
    // The first page fixes how many pages there can be; one more is allowed for a count that grows.
    if (fetched === 0) limit = Math.min(MAX_PAGES, Math.ceil(total / pageSize) - first + 2);
  }
}

export async function* paginateItems<Req, Item>(
  client: RpcClient,
  action: ActionDescriptor,
  params: Req,
  options: CallOptions = {},
): AsyncGenerator<Item, void, undefined> {
  const p = paginationOf(action);
  for await (const page of paginatePages<Req, unknown>(client, action, params, options)) {
    yield* itemsOf(page, p) as Item[];
  }
}

function paginationOf(action: ActionDescriptor): PaginationDescriptor {
  if (action.pagination === undefined) throw new TypeError(`${action.name} is not paginated`);
  return action.pagination;
}

function itemsOf(response: unknown, p: PaginationDescriptor): unknown[] {
  const items = valueAt(response, p.itemsPath);
  return Array.isArray(items) ? items : [];
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
}

function endless(action: ActionDescriptor, pages: number): AcsError {
  return new AcsError({
    code: 'Client.PaginationLimit',
    message: `${action.name}: stopped after ${pages} pages; the server's pages do not add up to its TotalCount.`,
  });
}
