// HMAC (RFC 2104) as two plain hashes: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ text)), with K the key (hashed
// first when longer than the block) zero-padded to the block. Both padded keys are computed once per
// key; each signature then writes its text after the inner one in a buffer kept for the purpose.
import { hash } from 'node:crypto';

/** SHA-1's and SHA-256's block, in bytes. */
const BLOCK = 64;

/** Texts up to this many bytes are written into the kept buffer; a longer one gets its own. */
const SCRATCH_BYTES = 4096;

export interface HmacPads {
  /** K ⊕ ipad, then room for the text. */
  readonly inner: Buffer;
  /** K ⊕ opad, then room for the inner digest (at most a block). */
  readonly outer: Buffer;
}

export function hmacPads(algorithm: string, key: string): HmacPads {
  let k: Buffer = Buffer.from(key, 'utf8');
  if (k.length > BLOCK) k = hash(algorithm, k, 'buffer') as unknown as Buffer;
  const inner = Buffer.alloc(BLOCK + SCRATCH_BYTES, 0x36);
  const outer = Buffer.alloc(BLOCK + BLOCK, 0x5c);
  for (let i = 0; i < k.length; i++) {
    inner[i]! ^= k[i]!;
    outer[i]! ^= k[i]!;
  }
  return { inner, outer };
}

/** The padded key `pad` followed by `data` (UTF-8 text, or a digest), as one view of `pad`: good
 * only until the next call with the same pad, so it is hashed at once and never kept. */
export function padded(pad: Buffer, data: string | Buffer): Buffer {
  if (typeof data !== 'string') {
    data.copy(pad, BLOCK);
    return pad.subarray(0, BLOCK + data.length);
  }
  // At most three bytes per UTF-16 unit: what fits is written in place, in one pass.
  if (data.length * 3 <= SCRATCH_BYTES) return pad.subarray(0, BLOCK + pad.write(data, BLOCK, 'utf8'));
  return Buffer.concat([pad.subarray(0, BLOCK), Buffer.from(data, 'utf8')]);
}
