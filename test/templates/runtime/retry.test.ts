// Retry bookkeeping: the quota, the options, the wait that an AbortSignal cuts short.
import { describe, expect, it } from 'vitest';
import { AcsAbortError } from '../../../templates/runtime/errors.ts';
import { RetryQuota, sleep } from '../../../templates/runtime/retry.ts';
import { abortError } from '../../../templates/runtime/transport-errors.ts';

describe('RetryQuota', () => {
  it('spends, refuses when empty, refills up to capacity', () => {
    const quota = new RetryQuota(10);
    expect(quota.tryAcquire(5)).toBe(true);
    expect(quota.tryAcquire(10)).toBe(false);
    quota.release(100);
    expect(quota.available).toBe(10);
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

describe('RetryQuota, exactly', () => {
  it('grants a cost equal to what is left, and refunds without passing capacity', () => {
    const quota = new RetryQuota(10);
    expect(quota.available).toBe(10);
    expect(quota.tryAcquire(10)).toBe(true);
    expect(quota.available).toBe(0);
    expect(quota.tryAcquire(1)).toBe(false);
    expect(quota.available).toBe(0);
    quota.release(3);
    expect(quota.available).toBe(3);
    quota.release(7);
    expect(quota.available).toBe(10);
  });
});

describe('sleep, exactly', () => {
  it('rejects at once, without waiting, when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const timers = { set: 0 };
    const real = globalThis.setTimeout;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      timers.set++;
      return real(...args);
    }) as typeof setTimeout;
    try {
      await expect(sleep(60_000, controller.signal)).rejects.toBeInstanceOf(AcsAbortError);
    } finally {
      globalThis.setTimeout = real;
    }
    expect(timers.set).toBe(0);
  });

  it('resolves after the time, and stops listening to the signal', async () => {
    const controller = new AbortController();
    const removed: string[] = [];
    const signal = controller.signal;
    const remove = signal.removeEventListener.bind(signal);
    signal.removeEventListener = ((type: string, fn: EventListener) => {
      removed.push(type);
      remove(type, fn);
    }) as typeof signal.removeEventListener;
    await expect(sleep(1, signal)).resolves.toBeUndefined();
    expect(removed).toEqual(['abort']);
    controller.abort();
  });

  it('resolves without a signal', async () => {
    await expect(sleep(0)).resolves.toBeUndefined();
  });

  it('rejects with the typed abort error', () => {
    expect(abortError()).toMatchObject({
      name: 'AcsAbortError',
      code: 'Client.Aborted',
      message: 'The call was aborted by its AbortSignal.',
      retryable: false,
    });
  });
});
