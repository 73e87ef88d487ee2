// The signatures a request should carry, computed synchronously with node:crypto: the server runs
// only on Node, and Web Crypto's async HMAC (a key import per request, a hop to the thread pool) was
// almost half of its time per signed call (issue 15 item 5). What is signed comes from the runtime's
// own canonicalisation, so client and server cannot disagree on it; only the hashing differs
// (test/server/auth/sign.test.ts checks both against each other and the published vectors).
import { hash } from 'node:crypto';
import { nodeSigningCrypto, type SyncSigningCrypto } from '../../templates/runtime/crypto-node.ts';
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

/** Hex SHA-256 of text (UTF-8) or bytes (node:crypto's one-shot hash: no Hash object). */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** The ACS3-HMAC-SHA256 signature (hex) of a request. `crypto` is the server's own, which keeps each
 * secret's derived key; a fresh one serves a one-off signature. */
export function signatureV3(
  request: V3Request,
  secret: string,
  crypto: SyncSigningCrypto = nodeSigningCrypto(),
): string {
  const { canonicalRequest } = canonicalRequestV3(request);
  return crypto.hmac('SHA-256', secret, `${ACS3}\n${crypto.sha256Hex(canonicalRequest)}`, 'hex');
}

/** The RPC signature 1.0 (HMAC-SHA1, base64) of a request's parameters, `Signature` itself left out. */
export function signatureV1(
  method: string,
  params: WireParams,
  secret: string,
  crypto: SyncSigningCrypto = nodeSigningCrypto(),
): string {
  const canonical = canonicalizeV1(params.filter(([k]) => k !== 'Signature'));
  return crypto.hmac('SHA-1', `${secret}&`, stringToSignV1(method, canonical), 'base64');
}
