// Retry arithmetic: full-jitter backoff within caps, what is retryable at what cost, Retry-After in its forms.
import { describe, expect, it } from 'vitest';
import {
  AcsAbortError,
  AcsNetworkError,
  AcsServiceError,
  AcsTimeoutError,
} from '../../../templates/runtime/errors.ts';
import { DEFAULT_RETRY } from '../../../templates/runtime/retry.ts';
import {
  backoffDelay,
  isRetryable,
  retryAfterMs,
  retryCost,
} from '../../../templates/runtime/retry-policy.ts';

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

describe('isRetryable and retryCost', () => {
  it.each<[string, unknown, boolean]>([
    ['a retryable AcsError', new AcsNetworkError({ code: 'c', message: 'm', retryable: true }), true],
    ['a non-retryable AcsError', new AcsServiceError({ code: 'c', message: 'm' }), false],
    [
      'an abort, even marked retryable',
      new AcsAbortError({ code: 'c', message: 'm', retryable: true }),
      false,
    ],
    ['a plain Error with retryable', Object.assign(new Error('x'), { retryable: true }), false],
  ])('%s → %s', (_name, error, want) => {
    expect(isRetryable(error)).toBe(want);
  });

  it('charges timeouts the timeout cost and everything else the retry cost', () => {
    const timeout = new AcsTimeoutError({ code: 'c', message: 'm', retryable: true });
    expect(retryCost(timeout, DEFAULT_RETRY)).toBe(10);
    expect(retryCost(new AcsNetworkError({ code: 'c', message: 'm' }), DEFAULT_RETRY)).toBe(5);
  });
});

describe('backoffDelay, exactly', () => {
  it.each<[number, number, number]>([
    [0, 0.5, 50],
    [1, 0.5, 100],
    [2, 0.25, 100],
    [30, 0.5, 10_000],
    [2, 0.999, 399],
  ])('retry %i with random %d → %i ms', (retry, random, want) => {
    expect(backoffDelay(retry, DEFAULT_RETRY, () => random)).toBe(want);
  });
});

describe('retryAfterMs, junk and boundaries', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it.each<[string, { headers: Record<string, string>; want: number | undefined }]>([
    ['x-acs-retry-after 1000 is seconds', { headers: { 'x-acs-retry-after': '1000' }, want: 1_000_000 }],
    ['x-acs-retry-after 1001 is milliseconds', { headers: { 'x-acs-retry-after': '1001' }, want: 1001 }],
    ['x-acs-retry-after 0', { headers: { 'x-acs-retry-after': '0' }, want: 0 }],
    ['x-acs-retry-after with spaces', { headers: { 'x-acs-retry-after': ' 3 ' }, want: 3000 }],
    [
      'x-acs-retry-after wins over Retry-After',
      { headers: { 'x-acs-retry-after': '1', 'retry-after': '9' }, want: 1000 },
    ],
    [
      'junk x-acs-retry-after falls back to Retry-After',
      { headers: { 'x-acs-retry-after': '5s', 'retry-after': '2' }, want: 2000 },
    ],
    ['x-acs-retry-after with a sign is junk', { headers: { 'x-acs-retry-after': '-1' }, want: undefined }],
    [
      'x-acs-retry-after with text after digits is junk',
      { headers: { 'x-acs-retry-after': '12abc' }, want: undefined },
    ],
    ['Retry-After with spaces', { headers: { 'retry-after': ' 4 ' }, want: 4000 }],
    ['Retry-After 0', { headers: { 'retry-after': '0' }, want: 0 }],
    [
      'Retry-After negative is not seconds, nor a date',
      { headers: { 'retry-after': '-5' }, want: undefined },
    ],
    ['Retry-After with a fraction is not seconds', { headers: { 'retry-after': '1.5' }, want: undefined }],
    ['Retry-After with text before digits is junk', { headers: { 'retry-after': 'in 3' }, want: undefined }],
    ['Retry-After digits then text is junk', { headers: { 'retry-after': '3 seconds' }, want: undefined }],
    ['a date in the past is 0', { headers: { 'retry-after': 'Mon, 31 Dec 2029 23:59:00 GMT' }, want: 0 }],
    ['an empty Retry-After', { headers: { 'retry-after': '' }, want: undefined }],
  ])('%s', (_name, { headers, want }) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(want);
  });

  it('reads nothing without headers', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('retryAfterMs, the three HTTP-date forms (RFC 9110)', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it.each<[string, string]>([
    ['IMF-fixdate', 'Tue, 01 Jan 2030 00:00:07 GMT'],
    ['RFC 850', 'Tuesday, 01-Jan-30 00:00:07 GMT'],
    ['asctime', 'Tue Jan  1 00:00:07 2030'],
  ])('%s', (_name, value) => {
    expect(retryAfterMs(new Headers({ 'retry-after': value }), now)).toBe(7000);
  });
});
