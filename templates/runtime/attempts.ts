// The attempt loop: retries what is retryable (idempotent actions only, within the quota, after a
// jittered backoff or the server's Retry-After, never past the call's deadline), and once corrects
// clock skew from the Date header. What follows a failure is decided by attempt-failure.ts, loaded
// on the first one: a call that succeeds at once never carries it.
import type { RetryOptions, RetryQuota } from './retry.js';

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

/** `first`, when given, is the first attempt's result, made already by the caller. */
export async function attemptLoop(ctx: LoopContext, first?: AttemptResult): Promise<unknown> {
  const state: LoopState = { skewCorrected: false, retries: 0 };
  for (let n = 1; ; n++) {
    const result = n === 1 && first !== undefined ? first : await ctx.attempt(n);
    if (result.ok) {
      ctx.quota.release(ctx.retry.successRefund);
      const told = ctx.after(n, result, false);
      if (told !== undefined) await told;
      return result.value;
    }
    const next = (await import('./attempt-failure.js')).afterFailure(ctx, result, state);
    await ctx.after(n, result, next.retry);
    if (!next.retry) throw result.error;
    if (next.delay === undefined) continue;
    state.retries++;
    await ctx.sleep(next.delay, ctx.signal);
  }
}

/** What the loop remembers between failures. */
export interface LoopState {
  /** The clock was corrected once already: a second skew error is an error like any other. */
  skewCorrected: boolean;
  /** Retries made so far (a skew correction is not one). */
  retries: number;
}
