// The node:crypto signer's HMAC, two one-shot hashes over padded keys kept per key (hmac-pads.ts),
// against node:crypto's own createHmac on fixed-seed random keys and texts: keys shorter and longer
// than the block, short and long texts (in any order: one that fits is written in the buffer kept
// with the key, a longer one goes through a buffer of its own), lone surrogates, and one crypto
// reused across calls and keys.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../../templates/runtime/crypto-node.ts';

const SEED = { seed: 15_016, numRuns: 400 };

const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom('', '\ud800', 'a\udc00b', '中文😀'),
  );
// Around the 64-byte block (the key is hashed first beyond it).
const key = fc.oneof(
  text(80),
  fc.integer({ min: 60, max: 70 }).map((n) => 'k'.repeat(n)),
  fc.constant(''),
);
const data = fc.oneof(
  text(40),
  fc.integer({ min: 1360, max: 1370 }).map((n) => '中'.repeat(n)),
  text(3000),
  fc.integer({ min: 335, max: 345 }).map((n) => '中'.repeat(n)),
);

describe('HMAC from padded keys ≡ createHmac', () => {
  it('SHA-1 and SHA-256, hex and base64, one crypto for a whole run of calls', () => {
    const crypto = nodeSigningCrypto();
    fc.assert(
      fc.property(
        fc.constantFrom<['SHA-1' | 'SHA-256', string]>(['SHA-1', 'sha1'], ['SHA-256', 'sha256']),
        fc.constantFrom<'hex' | 'base64'>('hex', 'base64'),
        key,
        fc.array(data, { minLength: 1, maxLength: 4 }),
        ([algorithm, node], encoding, k, texts) => {
          for (const t of texts)
            expect(crypto.hmac(algorithm, k, t, encoding)).toBe(
              createHmac(node, k).update(t, 'utf8').digest(encoding),
            );
        },
      ),
      SEED,
    );
  });

  it('keeps each key apart, past the number of keys it keeps', () => {
    const crypto = nodeSigningCrypto();
    const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
    for (const round of [1, 2])
      for (const k of keys)
        expect(crypto.hmac('SHA-256', k, `text ${round}`, 'hex')).toBe(
          createHmac('sha256', k).update(`text ${round}`).digest('hex'),
        );
  });
});
