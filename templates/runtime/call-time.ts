// One call's time: each attempt's timeout and the deadline of the whole call, on the client's clock.
import { AcsTimeoutError } from './errors.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface Time {
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly deadline: number;
  /** Set by the caller: it also cuts an attempt short. The default one bounds only the retries, so
   * the time spent signing never turns an attempt's own timeout into a deadline error. */
  readonly hard: boolean;
}

/** The call's option over the client's; without a deadline, each attempt's timeout times the attempts. */
export function callTime(
  call: { readonly timeoutMs?: number | undefined; readonly deadlineMs?: number | undefined },
  client: { readonly timeoutMs?: number | undefined; readonly deadlineMs?: number | undefined },
  maxAttempts: number,
  now: number,
): Time {
  const timeoutMs = call.timeoutMs ?? client.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const given = call.deadlineMs ?? client.deadlineMs;
  const deadlineMs = given ?? timeoutMs * maxAttempts;
  return { timeoutMs, deadlineMs, deadline: now + deadlineMs, hard: given !== undefined };
}

/** The time the attempt starting at `now` may take; none left is the deadline's error. */
export function attemptTimeout(time: Time, now: number): number {
  const left = time.hard ? time.deadline - now : time.timeoutMs;
  if (left <= 0) throw deadlineExceeded(time.deadlineMs);
  return Math.min(time.timeoutMs, left);
}

/** An attempt cut short by the deadline rather than by its own timeout: nothing is left to retry with. */
export function lateError(error: unknown, time: Time, timeoutMs: number): unknown {
  const late = error instanceof AcsTimeoutError && timeoutMs < time.timeoutMs;
  return late ? deadlineExceeded(time.deadlineMs) : error;
}

function deadlineExceeded(deadlineMs: number): AcsTimeoutError {
  return new AcsTimeoutError({
    code: 'Client.DeadlineExceeded',
    message: `The call did not complete within its deadline of ${deadlineMs} ms.`,
    retryable: false,
  });
}
