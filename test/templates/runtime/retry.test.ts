// Retry arithmetic: full-jitter backoff within caps, the quota, Retry-After in its forms.
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY,
  RetryQuota,
  retryAfterMs,
  sleep,
} from '../../../templates/runtime/retry.ts';

describe('backoffDelay', () => {
  it.each([
    [0, 1, 100],
    [1, 1, 200],
    [3, 1, 800],
    [20, 1, 20_000],
    [3, 0, 0],
  ])('retry %i with random %d waits under %i ms', (retry, random, cap) => {
    const delay = backoffDelay(retry, DEFAULT_RETRY, () => (random === 1 ? 0.999999 : random));
    expect(delay).toBeLessThanOrEqual(cap);
    expect(delay).toBeGreaterThanOrEqual(random === 0 ? 0 : cap * 0.99);
  });
});

describe('RetryQuota', () => {
  it('spends, refuses when empty, refills up to capacity', () => {
    const quota = new RetryQuota(10);
    expect(quota.tryAcquire(5)).toBe(true);
    expect(quota.tryAcquire(10)).toBe(false);
    quota.release(100);
    expect(quota.available).toBe(10);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': 'Tue, 01 Jan 2030 00:00:05 GMT' }, 5000],
    [{ 'x-acs-retry-after': '2' }, 2000],
    [{ 'x-acs-retry-after': '2500' }, 2500],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, want) => {
    expect(retryAfterMs(new Headers(headers as Record<string, string>), now)).toBe(want);
  });
});

describe('sleep', () => {
  it('rejects at once when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'Client.Aborted' });
  });
});
