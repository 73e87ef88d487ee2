// The counters behind faults: a token bucket per AccessKeyId (rate limits) and bounded counts per
// request fingerprint (faults that apply only to the first N requests).
import { digest } from '../digest.ts';

/** A token bucket per key: `rate` requests a second, bursts up to `rate`. */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  take(key: string, rate: number, now: number): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: rate, at: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    remember(this.#buckets, key, bucket, this.#capacity);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * How many times each fingerprint was seen; the oldest are forgotten beyond `capacity`. A fingerprint
 * holds the call's parameters, so each is kept as a digest: its size does not depend on theirs.
 */
export class FingerprintCounter {
  readonly #counts = new Map<string, number>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  /** The number of earlier hits, then counts this one. */
  hit(fingerprint: string): number {
    const key = digest(fingerprint);
    const before = this.#counts.get(key) ?? 0;
    remember(this.#counts, key, before + 1, this.#capacity);
    return before;
  }

  /** The length of the keys held, in characters: what the memory of fingerprints grows with. */
  get keyChars(): number {
    let n = 0;
    for (const key of this.#counts.keys()) n += key.length;
    return n;
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= capacity) break;
    map.delete(oldest);
  }
}
