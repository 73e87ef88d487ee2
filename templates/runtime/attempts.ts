// The attempt loop: retries what is retryable (idempotent actions only, within the quota, after a
// jittered backoff or the server's Retry-After, never past the call's deadline), and once corrects
// clock skew from the Date header.
import { AcsServiceError } from './errors.js';
import {
  backoffDelay,
  isRetryable,
  type RetryOptions,
  type RetryQuota,
  retryAfterMs,
  retryCost,
} from './retry.js';

export type AttemptResult =
  | { readonly ok: true; readonly value: unknown; readonly status: number; readonly headers: Headers }
  | {
      readonly ok: false;
      readonly error: unknown;
      readonly status?: number | undefined;
      readonly headers?: Headers | undefined;
    };

export interface LoopContext {
  readonly retry: RetryOptions;
  readonly quota: RetryQuota;
  readonly idempotent: boolean;
  readonly signal: AbortSignal | undefined;
  readonly now: () => number;
  /** When the whole call must be over, on the `now` clock: no wait is started that would end later. */
  readonly deadline: number;
  readonly random: () => number;
  /** Waits between attempts, rejecting when the signal fires (retry.ts `sleep`; injected by tests). */
  readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** The client's clock offset (server minus local), read and learnt here. */
  readonly skew: { get(): number; set(offsetMs: number): void };
  attempt(n: number): Promise<AttemptResult>;
  /** Told of each attempt's outcome, and whether another attempt follows; undefined when nobody
   * listens (nothing to wait for). */
  after(n: number, result: AttemptResult, willRetry: boolean): Promise<void> | undefined;
}

const SKEW_CODES = new Set(['InvalidTimeStamp.Expired', 'RequestTimeTooSkewed']);

export async function attemptLoop(ctx: LoopContext): Promise<unknown> {
  let skewCorrected = false;
  let retries = 0;
  for (let n = 1; ; n++) {
    const result = await ctx.attempt(n);
    if (result.ok) {
      ctx.quota.release(ctx.retry.successRefund);
      const told = ctx.after(n, result, false);
      if (told !== undefined) await told;
      return result.value;
    }
    const offset = skewCorrected ? undefined : skewOffset(result, ctx.now());
    if (offset !== undefined) {
      skewCorrected = true;
      ctx.skew.set(offset);
      await ctx.after(n, result, true);
      continue;
    }
    const error = result.error;
    const retryable = ctx.idempotent && isRetryable(error) && retries + 1 < ctx.retry.maxAttempts;
    const delay = retryable ? retryDelay(ctx, retries, result.headers) : 0;
    // A wait that would end at or past the deadline leaves no time to try again: the call ends now.
    const retry =
      retryable && ctx.now() + delay < ctx.deadline && ctx.quota.tryAcquire(retryCost(error, ctx.retry));
    await ctx.after(n, result, retry);
    if (!retry) throw error;
    retries++;
    await ctx.sleep(delay, ctx.signal);
  }
}

/** The jittered backoff, or the server's Retry-After when longer, capped by maxRetryAfterMs. */
function retryDelay(ctx: LoopContext, retries: number, headers: Headers | undefined): number {
  const hinted = retryAfterMs(headers, ctx.now());
  return Math.min(
    ctx.retry.maxRetryAfterMs,
    Math.max(backoffDelay(retries, ctx.retry, ctx.random), hinted ?? 0),
  );
}

/** When the server says the timestamp expired and tells its time, the offset to use; else undefined. */
function skewOffset(result: AttemptResult & { ok: false }, localNow: number): number | undefined {
  if (!(result.error instanceof AcsServiceError) || !SKEW_CODES.has(result.error.code)) return undefined;
  const date = Date.parse(result.headers?.get('date') ?? '');
  return Number.isNaN(date) ? undefined : date - localNow;
}
