// HMAC (RFC 2104) as two plain hashes: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ text)), with K the key (hashed
// first when longer than the block) zero-padded to the block. Both padded keys are derived once per
// key, each at the head of a buffer kept with it: a text that fits (a V3 string to sign is 81 bytes),
// then the inner digest, is written after its pad in place, so a signature is two one-shot hashes,
// with no Hmac object and no buffer built per call. Synchronous, so one buffer serves every call.
import { type BinaryToTextEncoding, hash } from 'node:crypto';

/** SHA-1's and SHA-256's block, in bytes. */
const BLOCK = 64;

/** Room for the text after the inner pad; a longer one (a large V1 request) gets a buffer of its own. */
const ROOM = 1024;

/** K ⊕ ipad at the head of `inner`, K ⊕ opad at the head of `outer`, room after each. */
export interface HmacPads {
  readonly inner: Buffer;
  readonly outer: Buffer;
}

export function hmacPads(algorithm: string, key: string): HmacPads {
  let k: Uint8Array = Buffer.from(key, 'utf8');
  if (k.length > BLOCK) k = hash(algorithm, k, 'buffer') as unknown as Buffer;
  const padded = (byte: number, room: number) => {
    const buffer = Buffer.alloc(BLOCK + room);
    for (let i = 0; i < BLOCK; i++) buffer[i] = byte ^ (k[i] ?? 0);
    return buffer;
  };
  // The outer text is a digest: 20 or 32 bytes.
  return { inner: padded(0x36, ROOM), outer: padded(0x5c, 32) };
}

/** The HMAC of `data` (UTF-8 text) under the key the pads were derived from. */
export function padHmac(
  algorithm: string,
  { inner, outer }: HmacPads,
  data: string,
  encoding: BinaryToTextEncoding,
): string {
  // UTF-8 takes at most three bytes per UTF-16 unit (a lone surrogate becomes U+FFFD's three).
  const text =
    data.length * 3 <= ROOM
      ? inner.subarray(0, BLOCK + inner.write(data, BLOCK, 'utf8'))
      : Buffer.concat([inner.subarray(0, BLOCK), Buffer.from(data, 'utf8')]);
  const digest = hash(algorithm, text, 'buffer') as unknown as Buffer;
  digest.copy(outer, BLOCK);
  return hash(algorithm, outer.subarray(0, BLOCK + digest.length), encoding);
}
