// The attempt loop on its own: which failures are retried, how long it waits, the quota, and the
// one-time clock-skew correction, with attempts, clock, randomness and sleep all injected.
import { describe, expect, it } from 'vitest';
import { type AttemptResult, attemptLoop, type LoopContext } from '../../../templates/runtime/attempts.ts';
import {
  AcsAbortError,
  AcsNetworkError,
  AcsServiceError,
  AcsTimeoutError,
} from '../../../templates/runtime/errors.ts';
import { DEFAULT_RETRY, type RetryOptions, RetryQuota } from '../../../templates/runtime/retry.ts';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const ok = (value: unknown = { RequestId: 'R' }): AttemptResult => ({
  ok: true,
  value,
  status: 200,
  headers: new Headers(),
});
const fail = (error: unknown, headers: Record<string, string> = {}): AttemptResult => ({
  ok: false,
  error,
  status: 503,
  headers: new Headers(headers),
});
const unavailable = () =>
  new AcsServiceError({ code: 'ServiceUnavailable', message: 'busy', retryable: true });
const expired = () =>
  new AcsServiceError({ code: 'InvalidTimeStamp.Expired', message: 'expired', httpStatus: 400 });

interface Run {
  readonly ctx: LoopContext;
  readonly attempts: number[];
  readonly after: { n: number; ok: boolean; willRetry: boolean }[];
  readonly sleeps: number[];
  readonly skews: number[];
  readonly quota: RetryQuota;
}

function run(
  results: AttemptResult[],
  options: { retry?: Partial<RetryOptions>; idempotent?: boolean; random?: number; quota?: number } = {},
): Run {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const quota = new RetryQuota(options.quota ?? retry.quotaCapacity);
  const record: Omit<Run, 'ctx' | 'quota'> = { attempts: [], after: [], sleeps: [], skews: [] };
  const ctx: LoopContext = {
    retry,
    quota,
    idempotent: options.idempotent ?? true,
    signal: undefined,
    now: () => NOW,
    deadline: Number.POSITIVE_INFINITY,
    random: () => options.random ?? 0.5,
    sleep: async (ms) => {
      record.sleeps.push(ms);
    },
    skew: { get: () => record.skews.at(-1) ?? 0, set: (offset) => record.skews.push(offset) },
    attempt: async (n) => {
      record.attempts.push(n);
      return results.length > 1 ? (results.shift() as AttemptResult) : (results[0] as AttemptResult);
    },
    after: async (n, result, willRetry) => {
      record.after.push({ n, ok: result.ok, willRetry });
    },
  };
  return { ctx, quota, ...record };
}

describe('attemptLoop', () => {
  it('returns the first success, tells the hook it is final and refunds the quota', async () => {
    const r = run([ok({ Answer: 42 })], { quota: 10 });
    r.quota.tryAcquire(5);
    await expect(attemptLoop(r.ctx)).resolves.toEqual({ Answer: 42 });
    expect(r.after).toEqual([{ n: 1, ok: true, willRetry: false }]);
    expect(r.quota.available).toBe(5 + DEFAULT_RETRY.successRefund);
  });

  it('retries a retryable failure until success, numbering attempts and announcing each retry', async () => {
    const r = run([fail(unavailable()), fail(unavailable()), ok()]);
    await attemptLoop(r.ctx);
    expect(r.attempts).toEqual([1, 2, 3]);
    expect(r.after).toEqual([
      { n: 1, ok: false, willRetry: true },
      { n: 2, ok: false, willRetry: true },
      { n: 3, ok: true, willRetry: false },
    ]);
  });

  it.each<[string, { given: Partial<RetryOptions>; attempts: number }]>([
    ['maxAttempts 3 (default)', { given: {}, attempts: 3 }],
    ['maxAttempts 1: no retry', { given: { maxAttempts: 1 }, attempts: 1 }],
    ['maxAttempts 2', { given: { maxAttempts: 2 }, attempts: 2 }],
  ])('gives up after %s with the last error, saying no retry follows', async (_name, { given, attempts }) => {
    const errors = [unavailable(), unavailable(), unavailable(), unavailable()];
    const r = run(
      errors.map((e) => fail(e)),
      { retry: given },
    );
    await expect(attemptLoop(r.ctx)).rejects.toBe(errors[attempts - 1]);
    expect(r.attempts).toHaveLength(attempts);
    expect(r.after.at(-1)).toEqual({ n: attempts, ok: false, willRetry: false });
    expect(r.after.slice(0, -1).every((a) => a.willRetry)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a non-retryable service error', new AcsServiceError({ code: 'NotFound', message: 'x' })],
    ['an abort', new AcsAbortError({ code: 'Client.Aborted', message: 'x', retryable: true })],
    ['a plain Error', new Error('boom')],
  ])('does not retry %s', async (_name, error) => {
    const r = run([fail(error), ok()]);
    await expect(attemptLoop(r.ctx)).rejects.toBe(error);
    expect(r.attempts).toEqual([1]);
    expect(r.after).toEqual([{ n: 1, ok: false, willRetry: false }]);
  });

  it('never retries a non-idempotent action', async () => {
    const r = run([fail(unavailable()), ok()], { idempotent: false });
    await expect(attemptLoop(r.ctx)).rejects.toBeInstanceOf(AcsServiceError);
    expect(r.attempts).toEqual([1]);
  });

  it.each<[string, { error: () => unknown; quota: number; attempts: number; left: number }]>([
    ['a retry costs retryCost (5)', { error: unavailable, quota: 10, attempts: 3, left: 0 }],
    ['no retry when the quota is short of one retry', { error: unavailable, quota: 4, attempts: 1, left: 4 }],
    ['exactly one retry left', { error: unavailable, quota: 5, attempts: 2, left: 0 }],
    [
      'a timeout costs timeoutRetryCost (10)',
      {
        error: () => new AcsTimeoutError({ code: 'Client.Timeout', message: 'x', retryable: true }),
        quota: 15,
        attempts: 2,
        left: 5,
      },
    ],
  ])('spends the quota: %s', async (_name, { error, quota, attempts, left }) => {
    const r = run([fail(error())], { quota });
    await expect(attemptLoop(r.ctx)).rejects.toBeDefined();
    expect(r.attempts).toHaveLength(attempts);
    expect(r.quota.available).toBe(left);
  });

  it('waits a full-jitter backoff that doubles with each retry', async () => {
    const r = run([fail(unavailable())], { retry: { maxAttempts: 4 }, random: 0.5 });
    await expect(attemptLoop(r.ctx)).rejects.toBeDefined();
    expect(r.sleeps).toEqual([50, 100, 200]);
  });

  it.each<[string, { headers: Record<string, string>; random: number; want: number }]>([
    [
      'Retry-After longer than the backoff wins',
      { headers: { 'retry-after': '2' }, random: 0.5, want: 2000 },
    ],
    [
      'the backoff wins over a shorter Retry-After',
      { headers: { 'retry-after': '0' }, random: 0.5, want: 50 },
    ],
    [
      'Retry-After is capped by maxRetryAfterMs',
      { headers: { 'retry-after': '3600' }, random: 0, want: 20_000 },
    ],
    ['junk Retry-After leaves the backoff', { headers: { 'retry-after': 'soon' }, random: 0.5, want: 50 }],
  ])('%s', async (_name, { headers, random, want }) => {
    const r = run([fail(unavailable(), headers), ok()], { random });
    await attemptLoop(r.ctx);
    expect(r.sleeps).toEqual([want]);
  });

  it('never starts a wait that would end at or past the deadline, failing with the last error', async () => {
    // The clock moves only when the loop sleeps: 503s asking for an hour each, waits capped at 20 s.
    let clock = NOW;
    const errors = [unavailable(), unavailable(), unavailable(), unavailable()];
    const r = run(
      errors.map((e) => fail(e, { 'retry-after': '3600' })),
      { retry: { maxAttempts: 10 } },
    );
    const sleeps: number[] = [];
    const ctx: LoopContext = {
      ...r.ctx,
      now: () => clock,
      deadline: NOW + 45_000,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    };
    await expect(attemptLoop(ctx)).rejects.toBe(errors[2]);
    expect(sleeps).toEqual([20_000, 20_000]);
    expect(r.attempts).toEqual([1, 2, 3]);
    expect(r.after.at(-1)).toEqual({ n: 3, ok: false, willRetry: false });
    expect(r.quota.available).toBe(DEFAULT_RETRY.quotaCapacity - 2 * DEFAULT_RETRY.retryCost);
  });

  it('retries when the wait ends just before the deadline', async () => {
    const r = run([fail(unavailable(), { 'retry-after': '2' }), ok()]);
    await attemptLoop({ ...r.ctx, deadline: NOW + 2001 });
    expect(r.attempts).toEqual([1, 2]);
    const s = run([fail(unavailable(), { 'retry-after': '2' }), ok()]);
    await expect(attemptLoop({ ...s.ctx, deadline: NOW + 2000 })).rejects.toBeInstanceOf(AcsServiceError);
    expect(s.attempts).toEqual([1]);
  });

  it('passes its signal to sleep, so an abort during the wait ends the call', async () => {
    const controller = new AbortController();
    const aborted = new AcsAbortError({ code: 'Client.Aborted', message: 'aborted' });
    const r = run([fail(unavailable()), ok()]);
    const ctx: LoopContext = {
      ...r.ctx,
      signal: controller.signal,
      sleep: async (_ms, signal) => {
        expect(signal).toBe(controller.signal);
        throw aborted;
      },
    };
    await expect(attemptLoop(ctx)).rejects.toBe(aborted);
    expect(r.attempts).toEqual([1]);
  });
});

describe('attemptLoop, clock skew', () => {
  const serverDate = 'Tue, 01 Jan 2030 00:05:00 GMT';

  it('learns the offset from the Date header once and retries at once, even a non-idempotent call', async () => {
    const r = run([fail(expired(), { date: serverDate }), ok()], { idempotent: false, quota: 0 });
    await attemptLoop(r.ctx);
    expect(r.skews).toEqual([300_000]);
    expect(r.attempts).toEqual([1, 2]);
    expect(r.sleeps).toEqual([]);
    expect(r.after[0]).toEqual({ n: 1, ok: false, willRetry: true });
  });

  it('accepts RequestTimeTooSkewed as well', async () => {
    const skewed = new AcsServiceError({ code: 'RequestTimeTooSkewed', message: 'x' });
    const r = run([fail(skewed, { date: serverDate }), ok()]);
    await attemptLoop(r.ctx);
    expect(r.skews).toEqual([300_000]);
  });

  it('corrects only once: a server that keeps refusing the time ends after one extra attempt', async () => {
    const r = run([fail(expired(), { date: serverDate })], { retry: { maxAttempts: 1 } });
    await expect(attemptLoop(r.ctx)).rejects.toMatchObject({ code: 'InvalidTimeStamp.Expired' });
    expect(r.attempts).toEqual([1, 2]);
    expect(r.skews).toHaveLength(1);
    expect(r.after.at(-1)).toEqual({ n: 2, ok: false, willRetry: false });
  });

  it.each<[string, AttemptResult]>([
    ['no Date header', fail(expired())],
    ['an unreadable Date header', fail(expired(), { date: 'yesterday' })],
    [
      'another error code',
      fail(new AcsServiceError({ code: 'Forbidden', message: 'x' }), { date: serverDate }),
    ],
    [
      'an error that is not from the service',
      fail(new AcsNetworkError({ code: 'InvalidTimeStamp.Expired', message: 'x' }), { date: serverDate }),
    ],
  ])('does not correct with %s', async (_name, result) => {
    const r = run([result, ok()]);
    await expect(attemptLoop(r.ctx)).rejects.toBeDefined();
    expect(r.skews).toEqual([]);
    expect(r.attempts).toEqual([1]);
  });
});
