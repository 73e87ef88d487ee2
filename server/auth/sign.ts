// The signatures a request should carry, computed synchronously with node:crypto: the server runs
// only on Node, and Web Crypto's async HMAC (a key import per request, a hop to the thread pool) was
// almost half of its time per signed call (issue 15 item 5). What is signed comes from the runtime's
// own canonicalisation, so client and server cannot disagree on it; only the hashing differs
// (test/server/auth/sign.test.ts checks both against each other and the published vectors).
import { createHash, createHmac } from 'node:crypto';
import type { WireParams } from '../../templates/runtime/serialize.ts';
import { canonicalizeV1, stringToSignV1 } from '../../templates/runtime/sign-v1.ts';
import { ACS3, canonicalRequestV3 } from '../../templates/runtime/sign-v3.ts';

export interface V3Request {
  readonly method: string;
  readonly path: string;
  readonly query: WireParams;
  /** Every signed header, name to value. */
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body. */
  readonly hashedPayload: string;
}

/** Hex SHA-256 of text (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The ACS3-HMAC-SHA256 signature (hex) of a request. */
export function signatureV3(request: V3Request, secret: string): string {
  const { canonicalRequest } = canonicalRequestV3(request);
  return createHmac('sha256', secret)
    .update(`${ACS3}\n${sha256Hex(canonicalRequest)}`)
    .digest('hex');
}

/** The RPC signature 1.0 (HMAC-SHA1, base64) of a request's parameters, `Signature` itself left out. */
export function signatureV1(method: string, params: WireParams, secret: string): string {
  const canonical = canonicalizeV1(params.filter(([k]) => k !== 'Signature'));
  return createHmac('sha1', `${secret}&`).update(stringToSignV1(method, canonical)).digest('base64');
}
