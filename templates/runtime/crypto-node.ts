// Hashes and HMACs through node:crypto, synchronously: on Node, Web Crypto's promise per digest and
// per signature costs more than the hashing itself. Chosen by platform-node.ts; the bytes are the
// same as crypto.ts's (the signature vectors hold both to it).
import { hash } from 'node:crypto';
import { EMPTY_SHA256, type HmacAlgorithm, type MacEncoding, type SigningCrypto } from './crypto.js';
import { type HmacPads, hmacPads, padHmac } from './hmac-pads.js';
import { boundedMemo } from './memo.js';

/** Derived keys kept per crypto (one per client); bounded as crypto.ts's are. */
const KEY_CACHE_LIMIT = 8;

const NODE_NAMES: Readonly<Record<HmacAlgorithm, string>> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' };

/** A signing crypto that answers at once: what a caller that never runs on Web Crypto (the reference
 * server) may count on. */
export interface SyncSigningCrypto extends SigningCrypto {
  sha256Hex(data: string): string;
  hmac(algorithm: HmacAlgorithm, key: string, data: string, encoding: MacEncoding): string;
}

export function nodeSigningCrypto(): SyncSigningCrypto {
  // By algorithm, then by the key itself: no composite id string to build and hash per signature.
  const padsOf: Readonly<Record<HmacAlgorithm, (key: string) => HmacPads>> = {
    'SHA-1': boundedMemo(KEY_CACHE_LIMIT, (key: string) => hmacPads(NODE_NAMES['SHA-1'], key)),
    'SHA-256': boundedMemo(KEY_CACHE_LIMIT, (key: string) => hmacPads(NODE_NAMES['SHA-256'], key)),
  };
  return {
    // The one-shot hash (Node 20.12+, inside the engines range) makes no Hash object per digest.
    sha256Hex: (data) => (data === '' ? EMPTY_SHA256 : hash('sha256', data, 'hex')),
    // RFC 2104 from the key's two padded blocks, derived once: two one-shot hashes cost less than an
    // Hmac object per signature (createHmac ≈ 12 µs of a call in the per-call bench, this ≈ 7).
    hmac: (algorithm, key, data, encoding) =>
      padHmac(NODE_NAMES[algorithm], padsOf[algorithm](key), data, encoding),
  };
}
