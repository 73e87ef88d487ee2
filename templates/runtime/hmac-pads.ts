// HMAC (RFC 2104) as two plain hashes: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ text)), with K the key (hashed
// first when longer than the block) zero-padded to the block. Both padded keys are derived once per
// key, so a signature is two one-shot hashes and no Hmac object.
import { type BinaryToTextEncoding, hash } from 'node:crypto';

/** SHA-1's and SHA-256's block, in bytes. */
const BLOCK = 64;

/** K ⊕ ipad and K ⊕ opad. */
export type HmacPads = readonly [Uint8Array, Uint8Array];

export function hmacPads(algorithm: string, key: string): HmacPads {
  let k: Uint8Array = Buffer.from(key, 'utf8');
  if (k.length > BLOCK) k = hash(algorithm, k, 'buffer') as unknown as Buffer;
  const pad = (byte: number) => Buffer.alloc(BLOCK, byte).map((b, i) => b ^ (k[i] ?? 0));
  return [pad(0x36), pad(0x5c)];
}

/** The HMAC of `data` (UTF-8 text) under the key the pads were derived from. */
export function padHmac(
  algorithm: string,
  [inner, outer]: HmacPads,
  data: string,
  encoding: BinaryToTextEncoding,
): string {
  const digest = hash(algorithm, Buffer.concat([inner, Buffer.from(data, 'utf8')]), 'buffer');
  return hash(algorithm, Buffer.concat([outer, digest as unknown as Buffer]), encoding);
}
