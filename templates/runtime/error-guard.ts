// Runtime guards that narrow a caught error to a product's (or one action's) service error, and its
// `code` to a documented literal: `instanceof AcsServiceError` alone leaves `code` a plain string.
// The generated package makes one per product (`is<Product>Error`) and one per action.
import { AcsServiceError } from './errors.js';

/** `guard(e)` narrows to the error with `code` typed by the documented union; `guard(e, 'Code')`
 * narrows `code` to that literal. */
export interface ServiceErrorGuard<Code extends string> {
  (error: unknown): error is AcsServiceError<Code>;
  <C extends Code>(error: unknown, code: C): error is AcsServiceError<Code> & { readonly code: C };
}

/** True for a service error answered by `product` (and by `action` when given), with `code` if given. */
export function serviceErrorGuard<Code extends string>(
  product: string,
  action?: string,
): ServiceErrorGuard<Code> {
  const guard = (error: unknown, code?: string): boolean =>
    error instanceof AcsServiceError &&
    error.product === product &&
    (action === undefined || error.action === action) &&
    (code === undefined || error.code === code);
  return guard as ServiceErrorGuard<Code>;
}
