// Hashes and HMACs through node:crypto, synchronously: on Node, Web Crypto's promise per digest and
// per signature costs more than the hashing itself. Chosen by platform-node.ts; the bytes are the
// same as crypto.ts's (the signature vectors hold both to it).
import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';
import { EMPTY_SHA256, type HmacAlgorithm, type MacEncoding, type SigningCrypto } from './crypto.js';

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
  const keys = new Map<string, KeyObject>();
  const keyFor = (key: string): KeyObject => {
    let object = keys.get(key);
    if (object === undefined) {
      object = createSecretKey(Buffer.from(key, 'utf8'));
      if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
      keys.set(key, object);
    }
    return object;
  };
  return {
    // The one-shot hash (Node 20.12+, inside the engines range) makes no Hash object per digest.
    sha256Hex: (data) => (data === '' ? EMPTY_SHA256 : hash('sha256', data, 'hex')),
    hmac: (algorithm, key, data, encoding) =>
      createHmac(NODE_NAMES[algorithm], keyFor(key)).update(data, 'utf8').digest(encoding),
  };
}
