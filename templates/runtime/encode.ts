// RFC 3986 percent-encoding and the canonical query string, as both Alibaba Cloud signatures
// (V2/RPC "canonicalized query string", V3 "CanonicalQueryString") define them.
import { AcsError } from './errors.js';
import type { WireParams } from './serialize.js';

/** Only A-Z a-z 0-9 - _ . ~ stay literal; everything else is its UTF-8 bytes as uppercase %XY. */
export function percentEncode(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // A lone surrogate has no UTF-8 form; say so instead of leaking a URIError (and never quote it:
    // the text might be a secret).
    throw new AcsError({
      code: 'Client.InvalidParameter',
      message: 'A parameter name or value is not valid Unicode text (it holds a lone surrogate).',
    });
  }
  // encodeURIComponent leaves ! ' ( ) * literal; RFC 3986 (and the signature) wants them encoded.
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `enc(k)=enc(v)` pairs joined by `&`, sorted by encoded key in byte order, then by encoded value so
 * that even a repeated key has one canonical form. Once percent-encoded a key is pure ASCII, where
 * each UTF-16 code unit equals its UTF-8 byte, so JavaScript's `<` on strings (code-unit order) is
 * byte order; on raw keys it would not be (astral characters, or `/` which sorts after `.` raw but
 * before it as `%2F`). Repeat lists are flattened first, so `InstanceId.10` sorts before
 * `InstanceId.2`. An empty value renders `k=`.
 */
export function canonicalQuery(params: WireParams): string {
  return params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ka, va], [kb, vb]) => compare(ka, kb) || compare(va, vb))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
