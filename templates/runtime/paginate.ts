// Page and item iterators driven by the action's pagination binding: by page number (they stop on
// TotalCount or an empty page) or by token (they stop when the server hands back no token). Both
// refuse to follow a server that never ends.
import type { CallOptions, RpcClient } from './client.js';
import type {
  ActionDescriptor,
  PageNumberPagination,
  PaginationDescriptor,
  TokenPagination,
} from './descriptors.js';
import { AcsError } from './errors.js';
import { clip } from './redact.js';

/** However large TotalCount claims to be, no iteration fetches more pages than this. */
export const MAX_PAGES = 10_000;

export async function* paginatePages<Req, Res>(
  client: RpcClient,
  action: ActionDescriptor,
  params: Req,
  options: CallOptions = {},
): AsyncGenerator<Res, void, undefined> {
  const p = paginationOf(action);
  if (p.style === 'token') yield* tokenPages<Req, Res>(client, action, p, params, options);
  else yield* numberedPages<Req, Res>(client, action, p, params, options);
}

async function* numberedPages<Req, Res>(
  client: RpcClient,
  action: ActionDescriptor,
  p: PageNumberPagination,
  params: Req,
  options: CallOptions,
): AsyncGenerator<Res, void, undefined> {
  const base = params as Readonly<Record<string, unknown>>;
  const pageSize = pageSizeOf(base, p);
  const first = typeof base[p.pageNumberParam] === 'number' ? (base[p.pageNumberParam] as number) : 1;
  let limit = MAX_PAGES;
  for (let page = first, fetched = 0; ; page++, fetched++) {
    if (fetched >= limit)
      throw endless(action, fetched, "the server's pages do not add up to its TotalCount");
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

/** The most of a server's token an error quotes: enough to recognise it, not a server's whole payload. */
const MAX_TOKEN = 64;

/** From the caller's token (or none: the first page) until the server hands back no token. A token
 * seen before means the server would lead the walk in a circle: that is an error, not a loop. */
async function* tokenPages<Req, Res>(
  client: RpcClient,
  action: ActionDescriptor,
  p: TokenPagination,
  params: Req,
  options: CallOptions,
): AsyncGenerator<Res, void, undefined> {
  const base = params as Readonly<Record<string, unknown>>;
  const pageSize = pageSizeOf(base, p);
  const seen = new Set<string>();
  let token = typeof base[p.tokenParam] === 'string' ? (base[p.tokenParam] as string) : '';
  for (let fetched = 0; ; fetched++) {
    if (fetched >= MAX_PAGES) throw endless(action, fetched, 'the server never stops handing back a token');
    const { [p.tokenParam]: _, ...rest } = base;
    const request = token === '' ? rest : { ...rest, [p.tokenParam]: token };
    const response = await client.invoke<Req, Res>(
      action,
      { ...request, [p.pageSizeParam]: pageSize } as Req,
      options,
    );
    yield response;
    const next = valueAt(response, p.nextTokenPath);
    if (typeof next !== 'string' || next === '') return;
    if (next === token || seen.has(next))
      throw endless(
        action,
        fetched + 1,
        `the server handed back the token ${JSON.stringify(clip(next, MAX_TOKEN))} twice`,
      );
    seen.add(next);
    token = next;
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
  if (action.pagination === undefined)
    throw new AcsError({ code: 'Client.NotPaginated', message: `${action.name} is not paginated.` });
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

function pageSizeOf(params: Readonly<Record<string, unknown>>, p: PaginationDescriptor): number {
  const given = params[p.pageSizeParam];
  return typeof given === 'number' ? given : p.defaultPageSize;
}

function endless(action: ActionDescriptor, pages: number, why: string): AcsError {
  return new AcsError({
    code: 'Client.PaginationLimit',
    message: `${action.name}: stopped after ${pages} pages; ${why}.`,
  });
}
