// RFC 3986 percent-encoding and the canonical query string, as both Alibaba Cloud signatures
// (V2/RPC "canonicalized query string", V3 "CanonicalQueryString") define them.
import { AcsError } from './errors.js';
import type { WireParams } from './serialize.js';

const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

/** Only A-Z a-z 0-9 - _ . ~ stay literal; everything else is its UTF-8 bytes as uppercase %XY. */
export function percentEncode(value: string): string {
  // Most names and values need no escape at all: one test instead of encoding and scanning again.
  if (UNRESERVED.test(value)) return value;
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
  return canonicalOfEncoded(encodePairs(params));
}

/** canonicalQuery of pairs already encoded (encodePairs), which are left as they are. */
export function canonicalOfEncoded(encoded: WireParams): string {
  return joinPairs(sortPairs([...encoded], byNameAndValue));
}

type PairOrder = (a: readonly [string, string], b: readonly [string, string]) => number;

export const byName: PairOrder = ([a], [b]) => compare(a, b);
const byNameAndValue: PairOrder = ([ka, va], [kb, vb]) => compare(ka, kb) || compare(va, vb);

/** Largest list sorted by insertion: fewer steps than Array#sort's on a request's few pairs (and
 * none on pairs already in order), never quadratic on many. */
const INSERTION_LIMIT = 16;

/** Sorts `pairs` in place, stably, and returns it. */
export function sortPairs<T extends readonly [string, string]>(pairs: T[], order: PairOrder): T[] {
  if (pairs.length > INSERTION_LIMIT) return pairs.sort(order);
  for (let i = 1; i < pairs.length; i++) {
    const pair = pairs[i]!;
    let at = i;
    while (at > 0 && order(pairs[at - 1]!, pair) > 0) {
      pairs[at] = pairs[at - 1]!;
      at--;
    }
    pairs[at] = pair;
  }
  return pairs;
}

/** Each name and value percent-encoded, in the given order: what the query, the form body and both
 * canonical forms are made of, so a request encodes each parameter once. */
export function encodePairs(params: WireParams): [string, string][] {
  const encoded: [string, string][] = [];
  for (const [k, v] of params) encoded.push([percentEncode(k), percentEncode(v)]);
  return encoded;
}

/** `k=v&k=v`: the query or form text of encoded pairs, in their order. */
export function joinPairs(encoded: WireParams): string {
  let text = '';
  for (let i = 0; i < encoded.length; i++) {
    const [k, v] = encoded[i]!;
    text += i === 0 ? `${k}=${v}` : `&${k}=${v}`;
  }
  return text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
