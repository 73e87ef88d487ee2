// RPC signature 1.0 (HMAC-SHA1), "Request syntax and signature method V2 for RPC APIs".
import { andThen, type SigningCrypto, WEB_CRYPTO } from './crypto.js';
import { canonicalOfEncoded, canonicalQuery, encodePairs, percentEncode } from './encode.js';
import type { WireParams } from './serialize.js';

/** The canonicalized query string: every parameter, encoded and sorted (see canonicalQuery). */
export function canonicalizeV1(params: WireParams): string {
  return canonicalQuery(params);
}

export function stringToSignV1(method: string, canonical: string): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

export interface V1Signature {
  readonly canonical: string;
  readonly stringToSign: string;
  readonly signature: string;
}

export async function signV1(input: {
  method: string;
  params: WireParams;
  secret: string;
  /** The platform's crypto (a client's keeps derived keys); Web Crypto when absent. */
  crypto?: SigningCrypto | undefined;
}): Promise<V1Signature> {
  return signV1Encoded({
    method: input.method,
    encoded: encodePairs(input.params.filter(([k]) => k !== 'Signature')),
    secret: input.secret,
    crypto: input.crypto,
  });
}

/** signV1 of parameters already encoded (encodePairs), `Signature` left out: a value when the crypto
 * is synchronous (see signV3Encoded). */
export function signV1Encoded(input: {
  method: string;
  encoded: WireParams;
  secret: string;
  crypto?: SigningCrypto | undefined;
}): V1Signature | Promise<V1Signature> {
  const canonical = canonicalOfEncoded(input.encoded);
  const stringToSign = stringToSignV1(input.method, canonical);
  const mac = (input.crypto ?? WEB_CRYPTO).hmac('SHA-1', `${input.secret}&`, stringToSign, 'base64');
  return andThen(mac, (signature) => ({ canonical, stringToSign, signature }));
}
