// After a failed attempt (attempts.ts, on the first failure): correct the clock once when the server
// says the timestamp expired and tells its time, else retry what is retryable, within the quota and
// the deadline, after a jittered backoff or the server's Retry-After.
import type { AttemptResult, LoopContext, LoopState } from './attempts.js';
import { AcsServiceError } from './errors.js';
import { backoffDelay, isRetryable, retryAfterMs, retryCost } from './retry-policy.js';

const SKEW_CODES = new Set(['InvalidTimeStamp.Expired', 'RequestTimeTooSkewed']);

/** Whether another attempt follows, and after how long (none after a clock correction). */
export function afterFailure(
  ctx: LoopContext,
  result: AttemptResult & { ok: false },
  state: LoopState,
): { readonly retry: boolean; readonly delay?: number } {
  const offset = state.skewCorrected ? undefined : skewOffset(result, ctx.now());
  if (offset !== undefined) {
    state.skewCorrected = true;
    ctx.skew.set(offset);
    return { retry: true };
  }
  const error = result.error;
  const retryable = ctx.idempotent && isRetryable(error) && state.retries + 1 < ctx.retry.maxAttempts;
  const delay = retryable ? retryDelay(ctx, state.retries, result.headers) : 0;
  // A wait that would end at or past the deadline leaves no time to try again: the call ends now.
  const retry =
    retryable && ctx.now() + delay < ctx.deadline && ctx.quota.tryAcquire(retryCost(error, ctx.retry));
  return retry ? { retry, delay } : { retry: false };
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
