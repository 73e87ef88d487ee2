// Error tables of the binding (`x-acs-service.errors`, `x-acs-rpc.errors`) → error models.
import type { ErrorModel } from './types.ts';

export function buildErrors(table: unknown): ErrorModel[] {
  if (table === null || typeof table !== 'object') return [];
  return Object.entries(table as Record<string, Record<string, unknown>>).map(([code, e]) => ({
    code,
    httpStatus: Number(e.httpStatus),
    message: String(e.message),
    retryable: e.retryable === true,
  }));
}
