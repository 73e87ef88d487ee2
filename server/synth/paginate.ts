// Page arithmetic shared by stateful and synthesised lists: the page asked for, the slice it covers,
// and the counts written back (TotalCount, PageNumber, PageSize), so pages agree with each other.
import type { PaginationDescriptor } from '../../templates/runtime/descriptors.ts';
import { setPath } from './paths.ts';

export interface Page {
  readonly number: number;
  readonly size: number;
  /** Indexes [start, end) of the whole list that this page holds. */
  readonly start: number;
  readonly end: number;
}

export function pageOf(
  pagination: PaginationDescriptor,
  params: Readonly<Record<string, unknown>>,
  total: number,
): Page {
  const number = Number(params[pagination.pageNumberParam] ?? 1);
  const size = Number(params[pagination.pageSizeParam] ?? pagination.defaultPageSize);
  const start = Math.min((number - 1) * size, total);
  return { number, size, start, end: Math.min(start + size, total) };
}

/** Writes the page's counts into the body: the total at its path, and the number and size under the
 * response fields named like their parameters (when the response has them). */
export function writeCounts(
  body: Record<string, unknown>,
  pagination: PaginationDescriptor,
  page: Page,
  total: number,
): void {
  setPath(body, pagination.totalCountPath, total);
  if (pagination.pageNumberParam in body) body[pagination.pageNumberParam] = page.number;
  if (pagination.pageSizeParam in body) body[pagination.pageSizeParam] = page.size;
}
