// Page arithmetic shared by stateful and synthesised lists: the page asked for (by number, or by a
// token this server handed out), the slice it covers, and what is written back (TotalCount,
// PageNumber, PageSize; or the next token), so pages agree with each other.
import type { PaginationDescriptor } from '../../templates/runtime/descriptors.ts';
import { ServerError } from '../protocol/server-error.ts';
import { setPath } from './paths.ts';

export interface Page {
  readonly number: number;
  readonly size: number;
  /** Indexes [start, end) of the whole list that this page holds. */
  readonly start: number;
  readonly end: number;
}

/** The request parameters that choose the page: left out of what an answer is made from, so every
 * page of a list agrees on the rest. */
export function pageParams(pagination: PaginationDescriptor | undefined): string[] {
  if (pagination === undefined) return [];
  const chooser = pagination.style === 'token' ? pagination.tokenParam : pagination.pageNumberParam;
  return [chooser, pagination.pageSizeParam];
}

/** `errors`: the action's error codes, for the one that refuses a token this server did not hand out. */
export function pageOf(
  pagination: PaginationDescriptor,
  params: Readonly<Record<string, unknown>>,
  total: number,
  errors: readonly string[] = [],
): Page {
  const size = Number(params[pagination.pageSizeParam] ?? pagination.defaultPageSize);
  if (pagination.style === 'token') {
    const token = params[pagination.tokenParam];
    const start =
      token === undefined || token === '' ? 0 : offsetOf(String(token), total, pagination, errors);
    return { number: Math.floor(start / size) + 1, size, start, end: Math.min(start + size, total) };
  }
  const number = Number(params[pagination.pageNumberParam] ?? 1);
  const start = Math.min((number - 1) * size, total);
  return { number, size, start, end: Math.min(start + size, total) };
}

/** Writes what the page says about the list: the total at its path and the number and size under the
 * response fields named like their parameters (when the response has them); or the next token. */
export function writeCounts(
  body: Record<string, unknown>,
  pagination: PaginationDescriptor,
  page: Page,
  total: number,
): void {
  if (pagination.style === 'token') {
    setPath(body, pagination.nextTokenPath, page.end < total ? tokenFor(page.end) : '');
    if (pagination.pageSizeParam in body) body[pagination.pageSizeParam] = page.size;
    if (pagination.totalCountPath !== undefined) setPath(body, pagination.totalCountPath, total);
    return;
  }
  setPath(body, pagination.totalCountPath, total);
  if (pagination.pageNumberParam in body) body[pagination.pageNumberParam] = page.number;
  if (pagination.pageSizeParam in body) body[pagination.pageSizeParam] = page.size;
}

/** Tokens name the offset of the next item, in a form a client has no reason to read. */
const TOKEN_PREFIX = 'acsrpc-';

function tokenFor(offset: number): string {
  return `${TOKEN_PREFIX}${offset.toString(36)}`;
}

function offsetOf(
  token: string,
  total: number,
  pagination: PaginationDescriptor & { style: 'token' },
  errors: readonly string[],
): number {
  const offset = token.startsWith(TOKEN_PREFIX)
    ? Number.parseInt(token.slice(TOKEN_PREFIX.length), 36)
    : Number.NaN;
  if (Number.isSafeInteger(offset) && offset > 0 && offset <= total && tokenFor(offset) === token)
    return offset;
  // The action's own code for a bad token when it declares one (`InvalidParameter.NextToken`), else
  // the common one.
  const own = errors.find((code) => code.includes(pagination.tokenParam) && /invalid/i.test(code));
  throw new ServerError(own ?? 'InvalidParameter', pagination.tokenParam);
}
