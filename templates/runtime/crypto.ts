// Hashes and HMACs through Web Crypto (W3C WebCrypto API), so the runtime works in Node 20,
// browsers and edge runtimes alike; hex and base64 by hand because Buffer is Node-only. Node's own
// synchronous node:crypto is crypto-node.ts, chosen by the platform (platform-node.ts).
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

export type HmacAlgorithm = 'SHA-1' | 'SHA-256';

/** How a signature is written: V3 wants hex, V1 base64. */
export type MacEncoding = 'hex' | 'base64';

/**
 * What signing needs of a platform's crypto: sync where the platform has it (node:crypto), a promise
 * where it does not (Web Crypto). An implementation may keep derived keys between calls; its types
 * name no platform type, so declarations need neither lib DOM nor `@types/node`'s webcrypto.
 */
export interface SigningCrypto {
  sha256Hex(data: string): string | Promise<string>;
  /** The MAC already written as the signature wants it: node:crypto encodes natively, without a
   * byte array read back in JavaScript. */
  hmac(algorithm: HmacAlgorithm, key: string, data: string, encoding: MacEncoding): string | Promise<string>;
}

/** `f` of a value a synchronous crypto gives as it is, or of a promise's value: awaiting a value
 * would cost a turn per digest. */
export function andThen<T, U>(value: T | Promise<T>, f: (value: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** Imported HMAC keys per crypto (importing is most of Web Crypto's cost per call). Bounded:
 * rotating credentials cannot grow it without limit. */
const KEY_CACHE_LIMIT = 8;

/** Web Crypto with its own cache of imported keys: one per client. */
export function webSigningCrypto(): SigningCrypto {
  const keys = new Map<string, CryptoKey>();
  return {
    sha256Hex,
    hmac: async (algorithm, key, data, encoding) => {
      const id = `${algorithm}:${key}`;
      let cryptoKey = keys.get(id);
      if (cryptoKey === undefined) {
        cryptoKey = await importHmacKey(algorithm, key);
        if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
        keys.set(id, cryptoKey);
      }
      return encode(new Uint8Array(await subtle().sign('HMAC', cryptoKey, encoder.encode(data))), encoding);
    },
  };
}

/** Web Crypto with no state: each HMAC imports its key (what a one-off signature needs). */
export const WEB_CRYPTO: SigningCrypto = {
  sha256Hex,
  hmac: async (algorithm, key, data, encoding) => encode(await hmac(algorithm, key, data), encoding),
};

export async function sha256Hex(data: string): Promise<string> {
  if (data === '') return EMPTY_SHA256;
  return toHex(new Uint8Array(await subtle().digest('SHA-256', encoder.encode(data))));
}

export async function hmac(algorithm: HmacAlgorithm, key: string, data: string): Promise<Uint8Array> {
  const cryptoKey = await importHmacKey(algorithm, key);
  return new Uint8Array(await subtle().sign('HMAC', cryptoKey, encoder.encode(data)));
}

function importHmacKey(algorithm: HmacAlgorithm, key: string): Promise<CryptoKey> {
  return subtle().importKey('raw', encoder.encode(key), { name: 'HMAC', hash: algorithm }, false, ['sign']);
}

function encode(bytes: Uint8Array, encoding: MacEncoding): string {
  return encoding === 'hex' ? toHex(bytes) : toBase64(bytes);
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX[byte];
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
