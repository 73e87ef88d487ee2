// Temporary credentials (STS tokens from the instance metadata service or from assuming a role) kept
// until shortly before they expire: refreshed ahead in the background, fetched again in the caller's
// time once too close to expiry, and one fetch shared by every call that needs it.
import type { Credentials } from './sign-request.js';

export interface Expiring {
  readonly credentials: Credentials;
  /** When the credentials stop working, in ms since the epoch. */
  readonly expiresAt: number;
}

export interface RefreshOptions {
  /** Clock in ms, for tests; `Date.now` by default. */
  readonly now?: (() => number) | undefined;
}

/** Refresh ahead when this close to expiry (capped at a third of the credentials' lifetime). */
export const REFRESH_AHEAD_MS: number = 15 * 60_000;
/** Never sign with credentials this close to expiry (capped at a tenth of their lifetime): a request
 * signed now may spend its timeout and retries in flight. */
export const EXPIRY_MARGIN_MS: number = 3 * 60_000;
/** After a failed background refresh, the cached credentials are used this long before the next try,
 * so a metadata service or STS that is down is not asked again on every call. */
export const RETRY_AFTER_FAILURE_MS: number = 10_000;

interface Held extends Expiring {
  /** Refresh in the background from here on. */
  readonly refreshAt: number;
  /** Wait for fresh credentials from here on. */
  readonly staleAt: number;
}

/**
 * A provider over `fetch`, which gets new credentials with their expiry. A failed fetch fails the call
 * only when no usable credentials are held: a failure while refreshing ahead keeps the old ones.
 */
export function refreshingProvider(
  fetch: () => Promise<Expiring>,
  options: RefreshOptions = {},
): () => Promise<Credentials> {
  const now = options.now ?? Date.now;
  let held: Held | undefined;
  let pending: Promise<Held> | undefined;
  let quietUntil = 0;

  const refresh = (): Promise<Held> => {
    pending ??= fetch()
      .then((got) => {
        held = timed(got, now());
        return held;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return async () => {
    const t = now();
    if (held === undefined || t >= held.staleAt) {
      try {
        return (await refresh()).credentials;
      } catch (error) {
        // Still valid, if only just: better than failing the call.
        if (held !== undefined && t < held.expiresAt) return held.credentials;
        throw error;
      }
    }
    if (t >= held.refreshAt && t >= quietUntil && pending === undefined) {
      refresh().catch(() => {
        quietUntil = now() + RETRY_AFTER_FAILURE_MS;
      });
    }
    return held.credentials;
  };
}

function timed(got: Expiring, t: number): Held {
  const lifetime = Math.max(0, got.expiresAt - t);
  return {
    ...got,
    refreshAt: got.expiresAt - Math.min(REFRESH_AHEAD_MS, lifetime / 3),
    staleAt: got.expiresAt - Math.min(EXPIRY_MARGIN_MS, lifetime / 10),
  };
}

/** An `Expiration` as Alibaba writes it (`2026-12-06T10:00:00Z`), or undefined when it is not a time. */
export function parseExpiration(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value))
    return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
