// Replay protection with bounded memory: a nonce is remembered for the timestamp window (after which
// the timestamp check refuses the request anyway), and at most `capacity` nonces are kept, a long one
// as a digest, so none costs more than a short one: a nonce shorter than 64 characters (a UUID, hex) is
// kept as it is, which saves a hash per request.
import { digest } from '../digest.ts';

const SHORT = 63;
/** Marks a nonce kept as it is; a digest (base64) never holds it, so the two never collide. */
const RAW = '#';

export class NonceRegistry {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #capacity: number;

  constructor(ttlMs: number, capacity = 100_000) {
    this.#ttlMs = ttlMs;
    this.#capacity = capacity;
  }

  /** True the first time a nonce is seen within its lifetime, false on a replay. */
  claim(nonce: string, now: number): boolean {
    this.#evict(now);
    const key = nonce.length <= SHORT ? `${RAW}${nonce}` : digest(nonce);
    const expires = this.#seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.#seen.set(key, now + this.#ttlMs);
    return true;
  }

  get size(): number {
    return this.#seen.size;
  }

  /** The length of the keys held, in characters: what the memory of nonces grows with. */
  get keyChars(): number {
    let n = 0;
    for (const key of this.#seen.keys()) n += key.length;
    return n;
  }

  #evict(now: number): void {
    // Insertion order is expiry order (same TTL), so the oldest are first.
    for (const [nonce, expires] of this.#seen) {
      if (expires > now && this.#seen.size < this.#capacity) break;
      this.#seen.delete(nonce);
    }
  }
}
