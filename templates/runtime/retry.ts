// Retries in the manner of AWS SDK v3's standard mode: exponential backoff with full jitter and caps,
// and a retry quota (token bucket) so a failing service is not hammered by every caller at once.
import { AcsAbortError, AcsError, AcsTimeoutError } from './errors.js';
import { abortError } from './transport-errors.js';

// transport-node.ts still imports it from here (kept while another branch changes that file).
export { abortError } from './transport-errors.js';

export interface RetryOptions {
  /** Attempts in all, the first included. 1 turns retries off. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Retry-After / x-acs-retry-after is honoured up to this long. */
  readonly maxRetryAfterMs: number;
  readonly quotaCapacity: number;
  readonly retryCost: number;
  readonly timeoutRetryCost: number;
  readonly successRefund: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 20_000,
  quotaCapacity: 500,
  retryCost: 5,
  timeoutRetryCost: 10,
  successRefund: 1,
};

export class RetryQuota {
  #available: number;
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#available = capacity;
  }

  get available(): number {
    return this.#available;
  }

  tryAcquire(cost: number): boolean {
    if (this.#available < cost) return false;
    this.#available -= cost;
    return true;
  }

  release(amount: number): void {
    this.#available = Math.min(this.#capacity, this.#available + amount);
  }
}

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

/** Waits, but stops at once (rejecting with AcsAbortError) when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
