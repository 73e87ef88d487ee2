// refreshingProvider: temporary credentials kept until shortly before expiry, refreshed ahead in the
// background, one fetch shared by concurrent calls, a failed refresh falling back on what still works.
import { describe, expect, it } from 'vitest';
import {
  EXPIRY_MARGIN_MS,
  type Expiring,
  parseExpiration,
  REFRESH_AHEAD_MS,
  RETRY_AFTER_FAILURE_MS,
  refreshingProvider,
} from '../../../templates/runtime/credentials-refresh.ts';

const HOUR = 3_600_000;

/** A fetch whose answers the test releases one by one; `calls` counts the fetches started. */
function scripted() {
  const waiting: { resolve: (v: Expiring) => void; reject: (e: unknown) => void }[] = [];
  let calls = 0;
  return {
    fetch: () =>
      new Promise<Expiring>((resolve, reject) => {
        calls++;
        waiting.push({ resolve, reject });
      }),
    get calls() {
      return calls;
    },
    give(n: number, expiresAt: number) {
      waiting
        .shift()
        ?.resolve({ credentials: { accessKeyId: `id${n}`, accessKeySecret: `s${n}` }, expiresAt });
    },
    fail(error: unknown) {
      waiting.shift()?.reject(error);
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('refreshingProvider', () => {
  it('fetches once for concurrent calls and keeps the credentials until the refresh window', async () => {
    let t = 0;
    const s = scripted();
    const provider = refreshingProvider(s.fetch, { now: () => t });
    const calls = Promise.all([provider(), provider(), provider()]);
    s.give(1, HOUR);
    expect((await calls).map((c) => c.accessKeyId)).toEqual(['id1', 'id1', 'id1']);
    t = HOUR - REFRESH_AHEAD_MS - 1;
    expect((await provider()).accessKeyId).toBe('id1');
    expect(s.calls).toBe(1);
  });

  it('refreshes ahead in the background: the call gets the held credentials at once', async () => {
    let t = 0;
    const s = scripted();
    const provider = refreshingProvider(s.fetch, { now: () => t });
    const first = provider();
    s.give(1, HOUR);
    await first;
    t = HOUR - REFRESH_AHEAD_MS;
    expect((await provider()).accessKeyId).toBe('id1');
    expect((await provider()).accessKeyId).toBe('id1');
    expect(s.calls).toBe(2); // one background refresh, shared
    s.give(2, 2 * HOUR);
    await tick();
    expect((await provider()).accessKeyId).toBe('id2');
  });

  it('waits for fresh credentials once too close to expiry', async () => {
    let t = 0;
    const s = scripted();
    const provider = refreshingProvider(s.fetch, { now: () => t });
    const first = provider();
    s.give(1, HOUR);
    await first;
    t = HOUR - EXPIRY_MARGIN_MS;
    const second = provider();
    s.give(2, 2 * HOUR);
    expect((await second).accessKeyId).toBe('id2');
  });

  it('keeps credentials that still work when a refresh fails, and fails once they have expired', async () => {
    let t = 0;
    const s = scripted();
    const provider = refreshingProvider(s.fetch, { now: () => t });
    const first = provider();
    s.give(1, HOUR);
    await first;
    t = HOUR - 60_000; // past the margin, not yet expired
    const second = provider();
    s.fail(new Error('down'));
    expect((await second).accessKeyId).toBe('id1');
    t = HOUR;
    const third = provider();
    s.fail(new Error('still down'));
    await expect(third).rejects.toThrow('still down');
  });

  it('after a failed background refresh, waits before asking again', async () => {
    let t = 0;
    const s = scripted();
    const provider = refreshingProvider(s.fetch, { now: () => t });
    const first = provider();
    s.give(1, HOUR);
    await first;
    t = HOUR - REFRESH_AHEAD_MS;
    await provider();
    s.fail(new Error('down'));
    await tick();
    await provider();
    expect(s.calls).toBe(2);
    t += RETRY_AFTER_FAILURE_MS;
    await provider();
    expect(s.calls).toBe(3);
  });

  it('scales the windows to short-lived credentials (a 15-minute STS token)', async () => {
    let t = 0;
    const s = scripted();
    const provider = refreshingProvider(s.fetch, { now: () => t });
    const first = provider();
    s.give(1, 15 * 60_000);
    await first;
    t = 4 * 60_000; // before a third of the lifetime is left: no refresh yet
    await provider();
    expect(s.calls).toBe(1);
    t = 10 * 60_000;
    await provider();
    expect(s.calls).toBe(2);
  });
});

describe('parseExpiration', () => {
  it.each<[unknown, number | undefined]>([
    ['2026-12-06T10:00:00Z', Date.UTC(2026, 11, 6, 10)],
    ['2026-12-06T10:00:00.500Z', Date.UTC(2026, 11, 6, 10, 0, 0, 500)],
    ['2026-12-06 10:00:00', undefined],
    ['2026-13-06T10:00:00Z', undefined],
    [1765000000, undefined],
    [undefined, undefined],
  ])('%s → %s', (given, want) => {
    expect(parseExpiration(given)).toBe(want);
  });
});
