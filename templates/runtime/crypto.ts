// Hashes and HMACs through Web Crypto (W3C WebCrypto API), so the runtime works in Node 20,
// browsers and edge runtimes alike; hex and base64 by hand because Buffer is Node-only.
import { AcsError } from './errors.js';

const encoder = new TextEncoder();

function webCrypto(): Crypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (crypto?.subtle === undefined) {
    throw new AcsError({
      code: 'Client.NoWebCrypto',
      message: 'Web Crypto (globalThis.crypto.subtle) is not available; signing needs it.',
    });
  }
  return crypto;
}

function subtle(): SubtleCrypto {
  return webCrypto().subtle;
}

/** SHA-256 of the empty body (every GET), known in advance. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * Imported HMAC keys, kept by a client so each call does not import its key again (importing is
 * most of Web Crypto's cost per call). Bounded: rotating credentials cannot grow it without limit.
 */
export type KeyCache = Map<string, CryptoKey>;
const KEY_CACHE_LIMIT = 8;

export async function sha256Hex(data: string): Promise<string> {
  if (data === '') return EMPTY_SHA256;
  return toHex(new Uint8Array(await subtle().digest('SHA-256', encoder.encode(data))));
}

export async function hmac(
  algorithm: 'SHA-1' | 'SHA-256',
  key: string,
  data: string,
  cache?: KeyCache,
): Promise<Uint8Array> {
  const id = `${algorithm}:${key}`;
  let cryptoKey = cache?.get(id);
  if (cryptoKey === undefined) {
    cryptoKey = await subtle().importKey(
      'raw',
      encoder.encode(key),
      { name: 'HMAC', hash: algorithm },
      false,
      ['sign'],
    );
    if (cache !== undefined) {
      if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
      cache.set(id, cryptoKey);
    }
  }
  return new Uint8Array(await subtle().sign('HMAC', cryptoKey, encoder.encode(data)));
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A fresh random nonce per attempt: a UUID where available, else 16 random bytes in hex. */
export function newNonce(): string {
  const crypto = webCrypto();
  // randomUUID exists only in secure contexts in browsers; getRandomValues exists everywhere.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}
