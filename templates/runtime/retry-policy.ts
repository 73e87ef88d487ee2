// What a failed attempt is retried by (retry.ts has the options and the quota): which errors, at what
// cost to the quota, after which backoff or server-given delay. Loaded on a call's first failure.
import { AcsAbortError, AcsError, AcsTimeoutError } from './errors.js';
import type { RetryOptions } from './retry.js';

export function isRetryable(error: unknown): boolean {
  return error instanceof AcsError && !(error instanceof AcsAbortError) && error.retryable;
}

export function retryCost(error: unknown, options: RetryOptions): number {
  return error instanceof AcsTimeoutError ? options.timeoutRetryCost : options.retryCost;
}

/** Full jitter: a random delay in [0, min(cap, base * 2^retry)). `retry` counts from 0. */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number): number {
  return Math.floor(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry));
}

/** RFC 9110 HTTP-date: IMF-fixdate and both obsolete forms start with the day name. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? +\S/i;

/**
 * `Retry-After` in seconds or as an HTTP date; `x-acs-retry-after` in milliseconds when it is larger
 * than 1000, else seconds (Alibaba gateways have sent both). Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers | undefined, now: number): number | undefined {
  const acs = headers?.get('x-acs-retry-after');
  if (acs != null && /^\d+$/.test(acs.trim())) {
    const n = Number(acs.trim());
    return n > 1000 ? n : n * 1000;
  }
  const value = headers?.get('retry-after');
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse is lenient ('1.5' and '-5' read as dates in 2001): only an HTTP-date may be read.
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
