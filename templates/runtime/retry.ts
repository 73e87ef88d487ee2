// Retries in the manner of AWS SDK v3's standard mode: exponential backoff with full jitter and caps,
// and a retry quota (token bucket) so a failing service is not hammered by every caller at once.
// Here what every client holds (options, quota, the wait); what a failure is retried by, and after
// how long, is retry-policy.ts, loaded on the first failure (attempt-failure.ts).
import { abortError } from './transport-errors.js';

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
