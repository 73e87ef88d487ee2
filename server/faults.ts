// Faults for testing clients: per server (the `faults` option) or per request (`acs-rpc-fault`
// header, comma-separated: throttling | 500 | 503 | reset | malformed | latency=MS | ratelimit=N).
// The header is deliberately not x-acs-*: V3 requires every x-acs-* header to be signed.
import { ServerError } from './protocol/server-error.ts';

export type FaultKind = 'throttling' | '500' | '503' | 'reset' | 'malformed';

export interface ServerFaults {
  /** Added to every response. */
  readonly latencyMs?: number;
  /** Requests per second allowed per AccessKeyId (token bucket, burst = the rate); then Throttling.User. */
  readonly rateLimit?: number;
  /** The first `count` authenticated requests fail with `fault`, then all succeed. */
  readonly failFirst?: { readonly count: number; readonly fault: FaultKind };
}

export interface RequestFaults {
  readonly kinds: readonly FaultKind[];
  readonly latencyMs: number;
  readonly rateLimit: number | undefined;
}

const KINDS = new Set<string>(['throttling', '500', '503', 'reset', 'malformed']);

export function parseFaultHeader(header: string | undefined): RequestFaults {
  const kinds: FaultKind[] = [];
  let latencyMs = 0;
  let rateLimit: number | undefined;
  for (const part of (header ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=') as [string, string | undefined];
    if (name === 'latency' && value !== undefined && /^\d{1,5}$/.test(value)) latencyMs = Number(value);
    else if (name === 'ratelimit' && value !== undefined && /^\d{1,6}$/.test(value))
      rateLimit = Number(value);
    else if (KINDS.has(name)) kinds.push(name as FaultKind);
    else throw new ServerError('InvalidParameter', 'acs-rpc-fault', `Unknown fault "${part}".`);
  }
  return { kinds, latencyMs, rateLimit };
}

/** A token bucket per key: `rate` requests a second, bursts up to `rate`. */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  take(key: string, rate: number, now: number): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: rate, at: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** The error a fault answers with; `reset` and `malformed` are handled by the caller. */
export function faultError(kind: FaultKind): ServerError | undefined {
  if (kind === 'throttling') return new ServerError('Throttling.User');
  if (kind === '500') return new ServerError('InternalError');
  if (kind === '503') return new ServerError('ServiceUnavailable');
  return undefined;
}
